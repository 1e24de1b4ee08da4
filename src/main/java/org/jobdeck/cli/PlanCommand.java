package org.jobdeck.cli;

import java.util.concurrent.Callable;
import org.jobdeck.api.JobsApi;
import org.jobdeck.api.PlanView;
import org.jobdeck.core.plan.DependencyResolver;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code jobdeck plan}: what an enqueue would run, in order, and why each job is in it: resolved
 * here from the catalog, or by the server with {@code --server} (its catalog may differ).
 */
@Command(name = "plan", description = "Show the resolved plan for all jobs, a group, or named jobs.")
final class PlanCommand implements Callable<Integer> {
    @ParentCommand
    JobdeckCommand root;

    @Spec
    CommandSpec spec;

    @Mixin
    RemoteOptions remote = new RemoteOptions();

    @ArgGroup(exclusive = true, multiplicity = "1")
    JobSelection selection;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    @Override
    public Integer call() {
        RemoteOptions.Remote server = remote.resolve(root);
        PlanView plan;
        if (server == null) {
            plan = PlanView.of(selection.resolve(new DependencyResolver(root.catalog())));
        } else {
            try (JobsApi api = server.open()) {
                plan = api.plan(selection.request());
            }
        }
        var out = spec.commandLine().getOut();
        if (json) {
            Json.print(out, plan);
            return ExitCodes.OK;
        }
        out.println(plan.summary());
        out.println();
        TextTable table = new TextTable("#", "JOB", "GROUP", "REASON", "WAVE", "REQUIRED BY")
                .alignRight(0, 4);
        plan.jobs().forEach(job -> table.row(job.position(), job.jobName(), job.group(), job.reason(), job.wave(),
                job.requiredBy().isEmpty() ? "-" : String.join(", ", job.requiredBy())));
        table.print(out);
        return ExitCodes.OK;
    }
}
