package dev.mynah.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code mynah} command line: one subcommand per capability. */
@Command(name = "mynah",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Mynah, a fully local voice assistant.",
        subcommands = {DoctorCommand.class, TranscribeCommand.class, SayCommand.class, VadCommand.class,
                ActionsCommand.class, ActCommand.class,
                IndexCommand.class, SearchCommand.class,
                AskCommand.class,
                BenchCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        LibraryLogging.quiet();
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("mynah: " + e.getMessage());
            return 1;
        });
        return cli;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Reads the version from the jar manifest, falling back to the development version. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Main.class.getPackage().getImplementationVersion();
            return new String[] {"mynah " + (version != null ? version : "0.1.0-SNAPSHOT")};
        }
    }
}
