package org.jobdeck.cli;

import java.util.concurrent.Callable;
import org.jobdeck.api.PlanView;
import org.jobdeck.core.plan.DependencyResolver;
import org.jobdeck.core.plan.Plan;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code jobdeck plan}: what an enqueue would run, in order, and why each job is in it. */
@Command(name = "plan", description = "Show the resolved plan for all jobs, a group, or named jobs.")
final class PlanCommand implements Callable<Integer> {
    @ParentCommand
    JobdeckCommand root;

    @Spec
    CommandSpec spec;

    @ArgGroup(exclusive = true, multiplicity = "1")
    JobSelection selection;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    @Override
    public Integer call() {
        Plan plan = selection.resolve(new DependencyResolver(root.catalog()));
        var out = spec.commandLine().getOut();
        if (json) {
            Json.print(out, PlanView.of(plan));
            return ExitCodes.OK;
        }
        out.println(plan.summary());
        out.println();
        TextTable table = new TextTable("#", "JOB", "GROUP", "REASON", "WAVE", "REQUIRED BY")
                .alignRight(0, 4);
        plan.entries().forEach(e -> table.row(e.position(), e.jobName(), e.group(),
                e.reason().wireName(), e.wave(),
                e.requiredBy().isEmpty() ? "-" : String.join(", ", e.requiredBy())));
        table.print(out);
        return ExitCodes.OK;
    }
}
