package dev.mynah.app;

import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the {@code mynah} command line in-process, as a user would type it, and captures what it prints. */
final class MynahCli {
    private MynahCli() {
    }

    /** Exit code and everything printed to standard output and standard error. */
    record Run(int exitCode, String out, String err) {
    }

    static Run run(String... args) {
        CommandLine cli = Main.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return new Run(cli.execute(args), out.toString(), err.toString());
    }
}
