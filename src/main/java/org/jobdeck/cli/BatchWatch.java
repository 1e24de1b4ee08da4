package org.jobdeck.cli;

import java.io.PrintWriter;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.jobdeck.api.JobsApi;
import org.jobdeck.api.RunFilter;
import org.jobdeck.api.RunStatus;
import org.jobdeck.api.RunView;

/**
 * Follows one batch until every run of it is settled, printing a line per state change. It polls:
 * a run passes through a state faster than the poll may go unreported, but never its last one.
 */
final class BatchWatch {
    static final long POLL_MILLIS = 200;

    private final JobsApi api;
    private final String batchId;
    private final Map<String, RunStatus> lastStates = new HashMap<>();

    /** Remembers the runs' states as they are now, so that only later changes are printed. */
    BatchWatch(JobsApi api, String batchId) {
        this.api = api;
        this.batchId = batchId;
        runs().forEach(run -> lastStates.put(run.jobRunId(), run.state()));
    }

    /** Blocks until every run is settled; returns the runs in plan order. */
    List<RunView> awaitSettled(PrintWriter progress) throws InterruptedException {
        while (true) {
            List<RunView> runs = runs();
            for (RunView run : runs) {
                if (run.state() != lastStates.put(run.jobRunId(), run.state())) {
                    progress.println(describe(run));
                }
            }
            progress.flush();
            if (runs.stream().allMatch(RunView::isSettled)) {
                return runs;
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    private List<RunView> runs() {
        return api.runs(RunFilter.batch(batchId)).stream()
                .sorted(Comparator.comparingInt(RunView::position))
                .toList();
    }

    /** {@code Run 12 (match-scores): failed after 1 attempt: exit code 3}. */
    static String describe(RunView run) {
        String why = run.why() == null ? "" : run.why();
        String state = run.state().wireName();
        String said = why.startsWith(state) ? why : state + (why.isEmpty() ? "" : ": " + why);
        return "Run " + run.jobRunId() + " (" + run.jobName() + "): " + said;
    }

    /** {@code 6 runs: 3 succeeded, 1 failed, 2 blocked}. */
    static String summary(List<RunView> runs) {
        Map<RunStatus, Integer> counts = new EnumMap<>(RunStatus.class);
        runs.forEach(run -> counts.merge(run.state(), 1, Integer::sum));
        String prefix = runs.size() + (runs.size() == 1 ? " run: " : " runs: ");
        StringJoiner parts = new StringJoiner(", ", prefix, "");
        counts.forEach((state, count) -> parts.add(count + " " + state.wireName()));
        return parts.toString();
    }
}
