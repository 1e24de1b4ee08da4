package org.jobdeck.cli;

import java.io.PrintWriter;
import org.jobdeck.api.JobsApiException;
import org.jobdeck.core.catalog.CatalogException;
import org.jobdeck.core.catalog.CatalogProblem;
import org.jobdeck.core.catalog.InvalidCatalogException;
import org.jobdeck.queue.QueueException;
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
        } else if (e instanceof JobsApiException api) {
            code = apiError(api, err);
        } else if (e instanceof UserError || e instanceof CatalogException || e instanceof QueueException) {
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

    /**
     * What the user named or sent is wrong, or the database cannot be reached (often a wrong
     * --db): exit 2. An invalid catalog lists its problems and exits 3.
     */
    private static int apiError(JobsApiException e, PrintWriter err) {
        if (e.code() == JobsApiException.Code.INVALID_CATALOG
                && e.getCause() instanceof InvalidCatalogException invalid) {
            invalid.problems().forEach(problem -> err.println(problem.message()));
            return ExitCodes.INVALID_CATALOG;
        }
        err.println("jobdeck: " + e.getMessage());
        return switch (e.code()) {
            case INVALID_CATALOG -> ExitCodes.INVALID_CATALOG;
            case SERVER_ERROR -> ExitCodes.FAILED;
            default -> ExitCodes.USAGE;
        };
    }
}
