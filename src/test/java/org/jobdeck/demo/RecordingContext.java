package org.jobdeck.demo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.jobdeck.queue.handler.JobContext;

/** A {@link JobContext} for calling a handler directly: keeps its log lines and progress reports. */
final class RecordingContext implements JobContext {
    record Progress(long done, long total, String message) {
    }

    private final String jobName;
    private final Map<String, Object> params;
    final List<String> log = Collections.synchronizedList(new ArrayList<>());
    final List<Progress> progress = Collections.synchronizedList(new ArrayList<>());
    volatile boolean cancelled;

    RecordingContext(String jobName, Map<String, Object> params) {
        this.jobName = jobName;
        this.params = params;
    }

    @Override
    public String runId() {
        return "test-" + jobName;
    }

    @Override
    public String jobName() {
        return jobName;
    }

    @Override
    public int attempt() {
        return 1;
    }

    @Override
    public Map<String, Object> params() {
        return params;
    }

    @Override
    public boolean isCancelled() {
        return cancelled;
    }

    @Override
    public void progress(long done, long total, String message) {
        progress.add(new Progress(done, total, message));
    }

    @Override
    public void log(String line) {
        log.add(line);
    }

    /** The summary line: the last line logged. */
    String summary() {
        return log.isEmpty() ? null : log.get(log.size() - 1);
    }
}
