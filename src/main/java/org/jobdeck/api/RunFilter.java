package org.jobdeck.api;

import java.util.List;

/**
 * Which runs to list, newest first.
 *
 * @param states   lowercase state names; empty for all
 * @param before   a run id: only older runs (the next page); null for the first page
 */
public record RunFilter(List<String> states, String batchId, String group, String before, int limit) {
    public static final int MAX_LIMIT = 10_000;

    public RunFilter {
        states = states == null ? List.of() : List.copyOf(states);
        if (limit <= 0 || limit > MAX_LIMIT) {
            throw new JobsApiException(JobsApiException.Code.INVALID_REQUEST,
                    "limit must be between 1 and " + MAX_LIMIT + ", got " + limit);
        }
    }

    public static RunFilter latest(int limit) {
        return new RunFilter(List.of(), null, null, null, limit);
    }

    public static RunFilter batch(String batchId) {
        return new RunFilter(List.of(), batchId, null, null, MAX_LIMIT);
    }
}
