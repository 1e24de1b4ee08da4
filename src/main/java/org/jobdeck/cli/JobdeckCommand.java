package org.jobdeck.cli;

import java.nio.file.Path;
import org.jobdeck.core.catalog.CatalogDocument;
import org.jobdeck.core.catalog.CatalogReader;
import org.jobdeck.core.catalog.JobCatalog;
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
                CommandLine.HelpCommand.class})
public final class JobdeckCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--catalog", paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "Catalog JSON file to use instead of the built-in one.")
    Path catalogFile;

    @Option(names = "--verbose", scope = ScopeType.INHERIT,
            description = "Print stack traces with errors.")
    boolean verbose;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Reads the chosen catalog without judging it. */
    CatalogDocument readCatalog() {
        return catalogFile == null ? CatalogReader.readDefault() : CatalogReader.read(catalogFile);
    }

    /** The chosen catalog, or an {@code InvalidCatalogException} listing every problem. */
    JobCatalog catalog() {
        return readCatalog().toCatalog();
    }

    static boolean verbose(CommandLine commandLine) {
        CommandLine root = commandLine;
        while (root.getParent() != null) {
            root = root.getParent();
        }
        return root.getCommand() instanceof JobdeckCommand command && command.verbose;
    }
}
