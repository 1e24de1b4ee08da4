package org.jobdeck.client;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jobdeck.api.RunStatus;
import org.jobdeck.api.RunView;
import org.jobdeck.queue.Run;
import org.jobdeck.queue.RunExplanation;
import org.jobdeck.queue.RunState;
import org.jobdeck.queue.store.RunStore;

/** Turns stored runs into {@link RunView}s, looking up in one query the runs their "why" names. */
final class RunViews {
    private final RunStore store;

    RunViews(RunStore store) {
        this.store = store;
    }

    List<RunView> of(List<Run> runs) {
        Map<String, Run> related = new HashMap<>();
        runs.forEach(run -> related.put(run.id(), run));
        Set<String> missing = new LinkedHashSet<>();
        for (Run run : runs) {
            for (String id : RunExplanation.relatedIds(run)) {
                if (!related.containsKey(id)) {
                    missing.add(id);
                }
            }
        }
        if (!missing.isEmpty()) {
            store.reads().runs(new ArrayList<>(missing)).forEach(run -> related.put(run.id(), run));
        }
        long now = store.now();
        return runs.stream().map(run -> view(run, RunExplanation.why(run, related, now))).toList();
    }

    RunView of(Run run) {
        return of(List.of(run)).get(0);
    }

    static RunView view(Run run, String why) {
        return new RunView(run.id(), run.jobName(), run.group(), status(run.state()), run.attempt(),
                run.maxAttempts(), run.batchId(), run.position(), run.upstream(), run.params(),
                instant(run.createdAt()), instant(run.startedAt()), instant(run.finishedAt()),
                run.error(), why, run.blockedBy(),
                new RunView.Progress(run.progressDone(), run.progressTotal(), run.progressMessage()),
                run.version());
    }

    /** The queue's state as the faces name it: the two enums share their names. */
    static RunStatus status(RunState state) {
        return RunStatus.valueOf(state.name());
    }

    static String instant(long millis) {
        return millis <= 0 ? null : Instant.ofEpochMilli(millis).toString();
    }
}
