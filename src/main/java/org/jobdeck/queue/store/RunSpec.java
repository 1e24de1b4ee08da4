package org.jobdeck.queue.store;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One run to create in a batch.
 *
 * @param upstream positions (indices into the batch's spec list) of the runs this one waits for;
 *                 always earlier in the list, since the list is a plan in order
 */
public record RunSpec(String jobName, String group, List<Integer> upstream,
                      Map<String, Object> params, int maxAttempts, long retryDelayMs,
                      long timeoutMs) {
    public RunSpec {
        upstream = List.copyOf(upstream);
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }
}
