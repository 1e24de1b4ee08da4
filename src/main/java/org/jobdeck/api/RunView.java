package org.jobdeck.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One run as the faces show it. Times are ISO-8601 instants, or null for "not yet".
 *
 * @param state     written in lowercase: waiting, queued, running, succeeded, failed, cancelled, blocked
 * @param why       one line: why the run is in this state (waiting for…, blocked: …)
 * @param blockedBy the id of the run that blocks this one, or null
 * @param version   grows with every change; a face keeps the snapshot with the highest
 * @param origin    where the run's batch came from: an enqueue, a schedule's slot, a schedule run by hand
 */
public record RunView(String jobRunId, String jobName, String group, RunStatus state, int attempt,
                      int maxAttempts, String batchId, int position, List<String> upstream,
                      Map<String, Object> params, String createdAt, String startedAt,
                      String finishedAt, String error, String why, String blockedBy,
                      Progress progress, long version, @JsonInclude(JsonInclude.Include.NON_NULL) Origin origin) {

    public RunView {
        upstream = upstream == null ? List.of() : List.copyOf(upstream);
        params = params == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /** A run whose batch's origin is not known here. */
    public RunView(String jobRunId, String jobName, String group, RunStatus state, int attempt, int maxAttempts,
                   String batchId, int position, List<String> upstream, Map<String, Object> params, String createdAt,
                   String startedAt, String finishedAt, String error, String why, String blockedBy,
                   Progress progress, long version) {
        this(jobRunId, jobName, group, state, attempt, maxAttempts, batchId, position, upstream, params, createdAt,
                startedAt, finishedAt, error, why, blockedBy, progress, version, null);
    }

    /**
     * {@code {"kind":"schedule","schedule":"nightly-maintenance","slot":"2027-03-28T01:00:00Z"}}.
     *
     * @param kind     enqueue, schedule or manual
     * @param schedule the schedule, for schedule and manual
     * @param slot     the slot it fired for, for schedule
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Origin(String kind, String schedule, String slot) {
        /** One line: "enqueued", "schedule nightly-maintenance, slot 2027-03-28T01:00:00Z", "schedule x, run by hand". */
        public String describe() {
            return switch (kind) {
                case "schedule" -> "schedule " + schedule + ", slot " + slot;
                case "manual" -> "schedule " + schedule + ", run by hand";
                default -> "enqueued";
            };
        }
    }

    /** Progress as the handler last reported it; total 0 means unknown. */
    public record Progress(long done, long total, String message) {
        public double fraction() {
            return total <= 0 ? -1 : Math.min(1.0, (double) done / total);
        }
    }

    /** See {@link RunStatus#isSettled()}. */
    @JsonIgnore
    public boolean isSettled() {
        return state.isSettled();
    }
}
