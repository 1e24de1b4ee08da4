package org.jobdeck.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.jobdeck.api.JobsApi;
import org.jobdeck.api.RunFilter;
import org.jobdeck.api.RunStatus;
import org.jobdeck.api.RunView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code jobdeck runs}: the newest runs, optionally of one state, batch or group. */
@Command(name = "runs", description = "List runs, newest first.")
final class RunsCommand implements Callable<Integer> {
    @ParentCommand
    JobdeckCommand root;

    @Spec
    CommandSpec spec;

    @Mixin
    RemoteOptions remote = new RemoteOptions();

    @Option(names = "--state", paramLabel = "S", split = ",",
            description = "Only runs in these states: waiting, queued, running, succeeded, failed,"
                    + " cancelled, blocked.")
    List<String> states = List.of();

    @Option(names = "--batch", paramLabel = "ID", description = "Only runs of this batch.")
    String batch;

    @Option(names = "--group", paramLabel = "G", description = "Only runs of jobs in this group.")
    String group;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "100",
            description = "At most this many runs (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    /** {@code {"runs":[…]}}. */
    record RunsView(List<RunView> runs) {
    }

    @Override
    public Integer call() {
        for (String state : states) {
            try {
                RunStatus.parse(state);
            } catch (IllegalArgumentException e) {
                throw new UserError(e.getMessage(), ExitCodes.USAGE);
            }
        }
        RunFilter filter = new RunFilter(states, batch, group, null, limit);
        List<RunView> runs;
        try (JobsApi api = Backends.open(root, remote)) {
            runs = api.runs(filter);
        }
        var out = spec.commandLine().getOut();
        if (json) {
            Json.print(out, new RunsView(runs));
            return ExitCodes.OK;
        }
        TextTable table = new TextTable("ID", "JOB", "GROUP", "STATE", "ATTEMPT", "BATCH", "WHY")
                .alignRight(0, 5);
        runs.forEach(run -> table.row(run.jobRunId(), run.jobName(), run.group(), run.state().wireName(),
                run.attempt() + "/" + run.maxAttempts(), run.batchId(), run.why()));
        table.print(out);
        return ExitCodes.OK;
    }
}
