package org.jobdeck.queue.store;

import java.util.Set;
import org.jobdeck.queue.RunState;

/**
 * A filter over runs, newest first, paged by id.
 *
 * @param states  empty for every state
 * @param batchId null for every batch
 * @param group   null for every group
 * @param beforeId only runs with a smaller id (the next page); null for the first page
 * @param limit   at most this many runs
 */
public record RunQuery(Set<RunState> states, String batchId, String group, String beforeId, int limit) {
    public RunQuery {
        states = Set.copyOf(states);
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive, got " + limit);
        }
    }

    public static RunQuery all(int limit) {
        return new RunQuery(Set.of(), null, null, null, limit);
    }
}
