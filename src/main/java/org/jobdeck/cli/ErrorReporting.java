package org.jobdeck.cli;

import java.io.PrintWriter;
import org.jobdeck.core.catalog.CatalogException;
import org.jobdeck.core.catalog.CatalogProblem;
import org.jobdeck.core.catalog.InvalidCatalogException;
import picocli.CommandLine;

/**
 * Turns every error into the lines an operator should see: one line per problem, no stack trace
 * unless {@code --verbose}, and an exit code from {@link ExitCodes}.
 */
final class ErrorReporting {
    private ErrorReporting() {
    }

    static void install(CommandLine commandLine) {
        commandLine.setParameterExceptionHandler(ErrorReporting::usageError);
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> executionError(e, cmd));
    }

    private static int usageError(CommandLine.ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        PrintWriter err = cmd.getErr();
        String message = e.getMessage().replaceFirst("^Error: ", "");
        err.println(cmd.getCommandSpec().qualifiedName() + ": " + message
                + " (see '" + cmd.getCommandSpec().qualifiedName() + " --help')");
        return ExitCodes.USAGE;
    }

    private static int executionError(Exception e, CommandLine cmd) {
        PrintWriter err = cmd.getErr();
        int code;
        if (e instanceof InvalidCatalogException invalid) {
            for (CatalogProblem problem : invalid.problems()) {
                err.println(problem.message());
            }
            code = ExitCodes.INVALID_CATALOG;
        } else if (e instanceof UserError || e instanceof CatalogException) {
            err.println("jobdeck: " + e.getMessage());
            code = e instanceof UserError user ? user.exitCode() : ExitCodes.USAGE;
        } else {
            err.println("jobdeck: unexpected error: " + e
                    + (JobdeckCommand.verbose(cmd) ? "" : " (run with --verbose for details)"));
            code = ExitCodes.FAILED;
        }
        if (JobdeckCommand.verbose(cmd)) {
            e.printStackTrace(err);
        }
        return code;
    }
}
