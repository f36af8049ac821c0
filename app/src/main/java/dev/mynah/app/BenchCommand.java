package dev.mynah.app;

import picocli.CommandLine.Command;

/** {@code mynah bench}: reproducible speed measurements. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Run a benchmark.",
        subcommands = {BenchLlmCommand.class, BenchSttCommand.class, BenchTtsCommand.class,
                BenchActionsCommand.class, BenchRagCommand.class})
final class BenchCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
