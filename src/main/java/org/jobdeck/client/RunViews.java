package org.jobdeck.client;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jobdeck.api.RunStatus;
import org.jobdeck.api.RunView;
import org.jobdeck.queue.BatchOrigin;
import org.jobdeck.queue.Run;
import org.jobdeck.queue.RunExplanation;
import org.jobdeck.queue.RunState;
import org.jobdeck.queue.store.RunStore;

/** Turns stored runs into {@link RunView}s, looking up in one query the runs their "why" names. */
final class RunViews {
    private static final int KEPT_ORIGINS = 10_000;

    private final RunStore store;
    private final Map<String, BatchOrigin> origins = new ConcurrentHashMap<>();

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
        Map<String, BatchOrigin> origins = origins(runs);
        return runs.stream().map(run -> view(run, RunExplanation.why(run, related, now), origins.get(run.batchId())))
                .toList();
    }

    /** The runs' batches' origins: a batch's never changes, so they are kept (a bounded number of them). */
    private Map<String, BatchOrigin> origins(List<Run> runs) {
        Set<String> unknown = new LinkedHashSet<>();
        runs.forEach(run -> {
            if (!origins.containsKey(run.batchId())) {
                unknown.add(run.batchId());
            }
        });
        if (!unknown.isEmpty()) {
            if (origins.size() > KEPT_ORIGINS) {
                origins.clear();
            }
            origins.putAll(store.reads().origins(unknown));
        }
        return origins;
    }

    RunView of(Run run) {
        return of(List.of(run)).get(0);
    }

    static RunView view(Run run, String why, BatchOrigin origin) {
        return new RunView(run.id(), run.jobName(), run.group(), status(run.state()), run.attempt(),
                run.maxAttempts(), run.batchId(), run.position(), run.upstream(), run.params(),
                instant(run.createdAt()), instant(run.startedAt()), instant(run.finishedAt()),
                run.error(), why, run.blockedBy(),
                new RunView.Progress(run.progressDone(), run.progressTotal(), run.progressMessage()),
                run.version(), origin == null ? null : origin(origin));
    }

    static RunView.Origin origin(BatchOrigin origin) {
        return new RunView.Origin(origin.kind().wireName(), origin.schedule(),
                origin.slot() == null ? null : origin.slot().toString());
    }

    /** The queue's state as the faces name it: the two enums share their names. */
    static RunStatus status(RunState state) {
        return RunStatus.valueOf(state.name());
    }

    static String instant(long millis) {
        return millis <= 0 ? null : Instant.ofEpochMilli(millis).toString();
    }
}
