package org.jobdeck.queue.handler;

import java.util.Map;

/** What a handler knows about the run it executes, and how it reports back. */
public interface JobContext {
    String runId();

    String jobName();

    /** 1 for the first attempt. */
    int attempt();

    /** The job's defaultParams overridden by the params given at enqueue. */
    Map<String, Object> params();

    /** True once an operator cancelled the run, its timeout passed, or the worker is stopping. */
    boolean isCancelled();

    /** @throws JobCancelledException once {@link #isCancelled()} is true */
    default void throwIfCancelled() {
        if (isCancelled()) {
            throw new JobCancelledException();
        }
    }

    /** Reports progress; stored at most a few times a second, and always the last call. */
    void progress(long done, long total, String message);

    /** Appends a line to the run's log (bounded; see {@code RunLog}). */
    void log(String line);

    default long longParam(String key, long fallback) {
        Object value = params().get(key);
        return value instanceof Number n ? n.longValue() : fallback;
    }

    default int intParam(String key, int fallback) {
        return (int) longParam(key, fallback);
    }

    default double doubleParam(String key, double fallback) {
        Object value = params().get(key);
        return value instanceof Number n ? n.doubleValue() : fallback;
    }

    default boolean booleanParam(String key, boolean fallback) {
        Object value = params().get(key);
        return value instanceof Boolean b ? b : fallback;
    }

    default String stringParam(String key, String fallback) {
        Object value = params().get(key);
        return value == null ? fallback : value.toString();
    }
}
