package org.jobdeck.cli;

import java.util.concurrent.Callable;
import org.jobdeck.core.catalog.JobCatalog;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code jobdeck validate}: check a catalog and list every problem. */
@Command(name = "validate", description = "Check the catalog; list every problem, one per line.")
final class ValidateCommand implements Callable<Integer> {
    @ParentCommand
    JobdeckCommand root;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        JobCatalog catalog = root.catalog();
        int jobs = catalog.size();
        int groups = catalog.groups().size();
        spec.commandLine().getOut().println("Catalog OK: " + jobs + (jobs == 1 ? " job in " : " jobs in ")
                + groups + (groups == 1 ? " group" : " groups"));
        return ExitCodes.OK;
    }
}
