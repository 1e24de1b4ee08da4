package org.jobdeck.cli;

import java.util.List;
import org.jobdeck.api.PlanRequest;
import org.jobdeck.core.plan.DependencyResolver;
import org.jobdeck.core.plan.Plan;
import picocli.CommandLine.Option;

/** Exactly one of --all, --group or --job: what {@code plan} shows and {@code enqueue} runs. */
final class JobSelection {
    @Option(names = "--all", required = true, description = "Every job of the catalog.")
    boolean all;

    @Option(names = "--group", required = true, paramLabel = "NAME",
            description = "One group, plus the jobs it depends on.")
    String group;

    @Option(names = "--job", required = true, paramLabel = "NAME", arity = "1..*",
            description = "Named jobs, plus the jobs they depend on.")
    List<String> jobs;

    Plan resolve(DependencyResolver resolver) {
        if (all) {
            return resolver.resolveAll();
        }
        return group != null ? resolver.resolveGroup(group) : resolver.resolveJobs(jobs);
    }

    PlanRequest request() {
        if (all) {
            return PlanRequest.all();
        }
        return group != null ? PlanRequest.group(group) : PlanRequest.jobs(jobs);
    }
}
