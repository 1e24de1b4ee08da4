package org.jobdeck.queue.store;

import java.util.List;
import org.jobdeck.queue.BatchOrigin;

/**
 * A batch to write: its runs in plan order, what was asked for, by whom, and where it came from.
 *
 * @param scope      all, group or jobs
 * @param scopeValue the group, or the named jobs joined by commas; null for all
 */
public record NewBatch(String scope, String scopeValue, String requestedBy, List<RunSpec> specs, BatchOrigin origin) {
    public NewBatch {
        specs = List.copyOf(specs);
        if (specs.isEmpty()) {
            throw new IllegalArgumentException("a batch needs at least one run");
        }
        origin = origin == null ? BatchOrigin.ENQUEUE : origin;
    }
}
