package org.jobdeck.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jobdeck.ui.ConsoleLauncher;
import org.jobdeck.ui.ConsoleOptions;
import org.jobdeck.ui.connection.ConnectionTarget;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code jobdeck ui} (and plain {@code jobdeck}): the JavaFX console. */
@Command(name = "ui", description = "Open the console (the default when no command is given).")
final class UiCommand implements Callable<Integer> {
    @ParentCommand
    JobdeckCommand root;

    @Option(names = "--workers", paramLabel = "N",
            description = "In-process worker threads for the embedded backend (default: number of cores; 0 for none).")
    Integer workers;

    @Override
    public Integer call() {
        return launch(root, workers);
    }

    static int launch(JobdeckCommand root, Integer workers) {
        int threads = workers == null ? Runtime.getRuntime().availableProcessors() : workers;
        if (threads < 0) {
            throw new UserError("--workers must be 0 or more, got " + threads, ExitCodes.USAGE);
        }
        ConsoleLauncher.launch(ConsoleOptions.embedded(root.databaseUrl, root.catalogFile, threads));
        return ExitCodes.OK;
    }

    /**
     * The console on a REST server. It reads the token from the file each time it connects and
     * keeps no copy, so it needs the file, not $JOBDECK_TOKEN.
     */
    static int launchRest(JobdeckCommand root, String serverUrl, Path tokenFile) {
        if (tokenFile == null) {
            throw new UserError("The console needs --token-file FILE with --server: it reads the token"
                    + " from the file when it connects", ExitCodes.USAGE);
        }
        if (root.databaseUrl != null || root.catalogFile != null) {
            throw new UserError("--db and --catalog apply to the embedded queue, not to --server", ExitCodes.USAGE);
        }
        ConsoleLauncher.launch(new ConsoleOptions(ConnectionTarget.rest(serverUrl, tokenFile)));
        return ExitCodes.OK;
    }
}
