package org.jobdeck.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** The {@code jobdeck} entry point: a plain class, so the jar starts without JavaFX tricks. */
public final class Main {
    private static final String LOG_LEVEL = "org.slf4j.simpleLogger.defaultLogLevel";

    private Main() {
    }

    public static void main(String[] args) {
        quietLibraryLogs(args);
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /**
     * HikariCP and Flyway log every start-up at INFO, which on a command line is noise around the
     * output; their warnings still show, and --verbose (or an explicit level) shows everything.
     */
    private static void quietLibraryLogs(String[] args) {
        if (System.getProperty(LOG_LEVEL) == null && !Arrays.asList(args).contains("--verbose")) {
            System.setProperty(LOG_LEVEL, "warn");
        }
    }

    /** Runs one command line and returns its exit code; used by tests with captured streams. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = new CommandLine(new JobdeckCommand());
        commandLine.setOut(out);
        commandLine.setErr(err);
        ErrorReporting.install(commandLine);
        addHelpOptions(commandLine);
        int code = commandLine.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /** Every subcommand answers -h/--help, as the usage errors suggest. */
    private static void addHelpOptions(CommandLine commandLine) {
        for (CommandLine subcommand : commandLine.getSubcommands().values()) {
            CommandSpec spec = subcommand.getCommandSpec();
            if (spec.findOption("--help") == null) {
                spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true)
                        .description("Show this help message and exit.").build());
            }
            addHelpOptions(subcommand);
        }
    }
}
