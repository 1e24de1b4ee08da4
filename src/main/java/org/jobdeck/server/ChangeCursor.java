package org.jobdeck.server;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jobdeck.queue.Run;
import org.jobdeck.queue.store.RunStore;

/**
 * One event stream's position in the run changes of the database, every process's included.
 * The position is an {@code updated_at} time in epoch milliseconds: it is the stream's event
 * id, and a client that resumes from it gets every change since then again, from
 * {@code position - OVERLAP} on, so that transactions that committed late are not missed. The
 * cursor drops snapshots it already sent (same run, same or older version).
 *
 * <p>Postconditions of {@link #poll(int)}: the query's lower bound never decreases, and it never
 * passes a change that has not been returned (except within one instant that holds more than
 * a page: see below). {@link StoreRunChanges} puts it behind {@link RunChanges}.
 */
final class ChangeCursor {
    static final long OVERLAP_MILLIS = 3_000;
    static final int PAGE = 5_000;

    private final RunStore store;
    private final Map<String, long[]> sent = new HashMap<>(); // run id -> {version, updatedAt}
    private long since;
    private long newestSeen;

    /** @param position where to start: a client's Last-Event-ID, or now */
    ChangeCursor(RunStore store, long position) {
        this.store = store;
        this.newestSeen = position;
        this.since = position - OVERLAP_MILLIS;
    }

    /** The runs changed since the last poll (oldest change first), and whether more are waiting. */
    record Poll(List<Run> runs, boolean more) {
    }

    Poll poll() {
        return poll(PAGE);
    }

    /** As {@link #poll()}, reading at most {@code limit} rows (a bounded replay reads less than a page). */
    Poll poll(int limit) {
        long started = store.now();
        List<Run> changed = store.changedSince(since, limit);
        List<Run> fresh = changed.stream().filter(this::isNew).toList();
        changed.forEach(run -> newestSeen = Math.max(newestSeen, run.updatedAt()));
        boolean full = changed.size() == limit;
        if (full) {
            long newest = changed.get(changed.size() - 1).updatedAt();
            // A page of one instant cannot move the bound: step past it rather than loop.
            since = newest > since ? newest : newest + 1;
        } else {
            since = Math.max(since, Math.min(newestSeen + 1, started - OVERLAP_MILLIS));
        }
        sent.values().removeIf(entry -> entry[1] < since);
        return new Poll(fresh, full);
    }

    private boolean isNew(Run run) {
        long[] earlier = sent.get(run.id());
        if (earlier != null && earlier[0] >= run.version()) {
            return false;
        }
        sent.put(run.id(), new long[] {run.version(), run.updatedAt()});
        return true;
    }
}
