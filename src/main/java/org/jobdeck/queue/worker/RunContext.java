package org.jobdeck.queue.worker;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jobdeck.queue.Run;
import org.jobdeck.queue.handler.JobContext;
import org.jobdeck.queue.store.RunStore;

/**
 * The {@link JobContext} of one claimed run. Progress and log lines are buffered and written at
 * most a few times a second (by the handler's own calls, and by the pool's flush timer), so a
 * chatty handler does not turn into a write per line.
 */
final class RunContext implements JobContext {
    private static final long PROGRESS_EVERY_MILLIS = 200;
    private static final int LOG_BATCH = 200;

    private final Run run;
    private final RunStore store;
    private final String workerId;
    private final List<String> pendingLines = new ArrayList<>();
    private volatile boolean cancelled;
    private long[] pendingProgress;
    private String pendingMessage;
    private long lastProgressWrite;

    RunContext(Run run, RunStore store, String workerId) {
        this.run = run;
        this.store = store;
        this.workerId = workerId;
    }

    @Override
    public String runId() {
        return run.id();
    }

    @Override
    public String jobName() {
        return run.jobName();
    }

    @Override
    public int attempt() {
        return run.attempt();
    }

    @Override
    public Map<String, Object> params() {
        return run.params();
    }

    @Override
    public boolean isCancelled() {
        return cancelled || Thread.currentThread().isInterrupted();
    }

    void cancel() {
        cancelled = true;
    }

    @Override
    public void progress(long done, long total, String message) {
        boolean write;
        synchronized (this) {
            pendingProgress = new long[] {done, total};
            pendingMessage = message;
            write = System.nanoTime() / 1_000_000 - lastProgressWrite >= PROGRESS_EVERY_MILLIS || done >= total;
        }
        if (write) {
            flushProgress();
        }
    }

    @Override
    public void log(String line) {
        boolean write;
        synchronized (this) {
            pendingLines.add(line);
            write = pendingLines.size() >= LOG_BATCH;
        }
        if (write) {
            flushLog();
        }
    }

    /** Writes whatever is buffered. */
    void flush() {
        flushLog();
        flushProgress();
    }

    private void flushLog() {
        List<String> lines;
        synchronized (this) {
            if (pendingLines.isEmpty()) {
                return;
            }
            lines = new ArrayList<>(pendingLines);
            pendingLines.clear();
        }
        store.log().append(run.id(), lines);
    }

    private void flushProgress() {
        long[] progress;
        String message;
        synchronized (this) {
            if (pendingProgress == null) {
                return;
            }
            progress = pendingProgress;
            message = pendingMessage;
            pendingProgress = null;
            lastProgressWrite = System.nanoTime() / 1_000_000; // an interval on this machine, not a time of day
        }
        store.leases().progress(run, workerId, progress[0], progress[1], message);
    }
}
