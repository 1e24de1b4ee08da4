package org.jobdeck.queue;

import java.util.List;

/**
 * The runs created by one enqueue, in plan order.
 *
 * @param scope      all, group or jobs
 * @param scopeValue the group name, or the requested job names joined by commas; null for all
 */
public record Batch(String id, String scope, String scopeValue, String requestedBy,
                    long createdAt, List<Run> runs) {
    public Batch {
        runs = List.copyOf(runs);
    }
}
