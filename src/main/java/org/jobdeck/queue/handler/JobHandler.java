package org.jobdeck.queue.handler;

/**
 * The code behind a job. A handler returns normally on success and throws on failure; the
 * exception's message becomes the run's error. A long handler checks
 * {@link JobContext#isCancelled()} (or {@link JobContext#throwIfCancelled()}) between steps.
 */
@FunctionalInterface
public interface JobHandler {
    void run(JobContext context) throws Exception;
}
