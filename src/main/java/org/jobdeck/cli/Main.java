package org.jobdeck.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/** The {@code jobdeck} entry point: a plain class, so the jar starts without JavaFX tricks. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs one command line and returns its exit code; used by tests with captured streams. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = new CommandLine(new JobdeckCommand());
        commandLine.setOut(out);
        commandLine.setErr(err);
        ErrorReporting.install(commandLine);
        int code = commandLine.execute(args);
        out.flush();
        err.flush();
        return code;
    }
}
