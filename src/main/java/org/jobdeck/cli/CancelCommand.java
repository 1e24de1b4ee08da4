package org.jobdeck.cli;

import java.util.concurrent.Callable;
import org.jobdeck.api.JobsApi;
import org.jobdeck.api.RunStatus;
import org.jobdeck.api.RunView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code jobdeck cancel ID}: cancel a run; its downstream runs become blocked. */
@Command(name = "cancel",
        description = "Cancel a run: at once if it has not started, else by asking its handler to stop.")
final class CancelCommand implements Callable<Integer> {
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
        RunView run;
        try (JobsApi api = Backends.open(root, remote)) {
            run = api.cancel(runId);
        }
        String what = run.state() == RunStatus.RUNNING
                ? "cancel requested; it stops when its handler notices"
                : run.state().wireName();
        spec.commandLine().getOut().println("Run " + run.jobRunId() + " (" + run.jobName() + "): " + what);
        return ExitCodes.OK;
    }
}
