package org.jobdeck.queue;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A snapshot of one run, as stored. Times are epoch milliseconds; 0 means "not yet".
 *
 * @param upstream    ids of the runs this one waits for (its dependencies in the same batch)
 * @param blockedBy   the failed or cancelled run that blocks this one, or null
 * @param retryDelayMs base delay before a retry, doubled per attempt (with jitter)
 * @param timeoutMs   0 for no timeout
 * @param runAfter    a queued run is not claimed before this time (retry back-off)
 * @param version     bumped by every change; watchers use it to order snapshots
 */
public record Run(
        String id,
        String batchId,
        String jobName,
        String group,
        int position,
        RunState state,
        int attempt,
        int maxAttempts,
        long retryDelayMs,
        long timeoutMs,
        List<String> upstream,
        Map<String, Object> params,
        long createdAt,
        long startedAt,
        long finishedAt,
        long runAfter,
        String error,
        String blockedBy,
        String leaseOwner,
        long leaseExpiresAt,
        boolean cancelRequested,
        long progressDone,
        long progressTotal,
        String progressMessage,
        long updatedAt,
        long version) {

    public Run {
        upstream = List.copyOf(upstream);
        params = params == null ? Map.of() : Collections.unmodifiableMap(
                new LinkedHashMap<>(params));
    }
}
