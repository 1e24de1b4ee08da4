package org.jobdeck.queue;

import java.util.List;

/**
 * The runs created by one enqueue, in plan order.
 *
 * @param scope      all, group or jobs
 * @param scopeValue the group name, or the requested job names joined by commas; null for all
 * @param origin     an enqueue, a schedule's slot, or a schedule run by hand
 */
public record Batch(String id, String scope, String scopeValue, String requestedBy,
                    long createdAt, List<Run> runs, BatchOrigin origin) {
    public Batch {
        runs = List.copyOf(runs);
        origin = origin == null ? BatchOrigin.ENQUEUE : origin;
    }
}
