package org.jobdeck.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.jobdeck.api.JobsApi;
import org.jobdeck.api.RunView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code jobdeck retry ID}: give a failed or cancelled run fresh attempts, and unblock what it blocked. */
@Command(name = "retry",
        description = "Retry a failed or cancelled run; the runs it blocked wait for it again.")
final class RetryCommand implements Callable<Integer> {
    @ParentCommand
    JobdeckCommand root;

    @Spec
    CommandSpec spec;

    @Mixin
    RemoteOptions remote = new RemoteOptions();

    @Parameters(paramLabel = "ID", description = "The run id.")
    String runId;

    @Override
    public Integer call() {
        List<RunView> changed;
        try (JobsApi api = Backends.open(root, remote)) {
            changed = api.retry(runId);
        }
        PrintWriter out = spec.commandLine().getOut();
        RunView retried = changed.stream().filter(run -> run.jobRunId().equals(runId.trim()))
                .findFirst().orElse(changed.get(0));
        out.println("Run " + retried.jobRunId() + " (" + retried.jobName() + "): retried, now "
                + retried.state().wireName());
        List<RunView> downstream = changed.stream().filter(run -> run != retried).toList();
        if (!downstream.isEmpty()) {
            out.println("Unblocked " + downstream.size()
                    + (downstream.size() == 1 ? " downstream run:" : " downstream runs:"));
            downstream.forEach(run -> out.println("  Run " + run.jobRunId() + " (" + run.jobName() + "): "
                    + run.state().wireName()));
        }
        return ExitCodes.OK;
    }
}
