package org.jobdeck.cli;

import java.nio.file.Path;
import org.jobdeck.core.catalog.CatalogDocument;
import org.jobdeck.core.catalog.CatalogReader;
import org.jobdeck.core.catalog.JobCatalog;
import org.jobdeck.queue.store.DatabaseUrl;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** {@code jobdeck}: the root command and the options every subcommand inherits. */
@Command(name = "jobdeck",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Admin console and CLI for background jobs that come in groups and depend on each other.",
        subcommands = {GroupsCommand.class, PlanCommand.class, ValidateCommand.class,
                EnqueueCommand.class, WorkerCommand.class, RunsCommand.class, CancelCommand.class,
                RetryCommand.class, DemoDataCommand.class, UiCommand.class, ScreenshotsCommand.class, ServeCommand.class,
                CommandLine.HelpCommand.class})
public final class JobdeckCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--catalog", paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "Catalog JSON file to use instead of the built-in one.")
    Path catalogFile;

    @Option(names = "--db", paramLabel = "URL", scope = ScopeType.INHERIT,
            description = "Queue database: jdbc:h2:FILE or jdbc:postgresql://HOST[:PORT]/DB"
                    + " (default: $JOBDECK_DB, else the H2 file ~/.jobdeck/jobdeck).")
    String databaseUrl;

    @Option(names = "--verbose", scope = ScopeType.INHERIT,
            description = "Print stack traces with errors.")
    boolean verbose;

    /** {@code jobdeck --server URL --token-file FILE}: the console (or a command) on a server. */
    @CommandLine.Mixin
    RemoteOptions remote = new RemoteOptions();

    /** Without a command, Jobdeck opens the console: on a server with --server, else embedded. */
    @Override
    public void run() {
        if (remote.server != null) {
            UiCommand.launchRest(this, remote.server, remote.tokenFile);
        } else if (remote.tokenFile != null) {
            throw new UserError("--token-file goes with --server URL", ExitCodes.USAGE);
        } else {
            UiCommand.launch(this, null);
        }
    }

    /** Reads the chosen catalog without judging it. */
    CatalogDocument readCatalog() {
        return catalogFile == null ? CatalogReader.readDefault() : CatalogReader.read(catalogFile);
    }

    /** The chosen catalog, or an {@code InvalidCatalogException} listing every problem. */
    JobCatalog catalog() {
        return readCatalog().toCatalog();
    }

    /** The chosen database: --db, else $JOBDECK_DB, else the H2 file in ~/.jobdeck. */
    DatabaseUrl database() {
        return databaseUrl == null ? DatabaseUrl.defaultUrl() : DatabaseUrl.parse(databaseUrl);
    }

    static boolean verbose(CommandLine commandLine) {
        CommandLine root = commandLine;
        while (root.getParent() != null) {
            root = root.getParent();
        }
        return root.getCommand() instanceof JobdeckCommand command && command.verbose;
    }
}
