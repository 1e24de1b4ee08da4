package org.jobdeck.queue;

/**
 * A worker tried to finish a run it no longer holds: its lease expired and the run was
 * reclaimed, or it was cancelled. The worker's result is discarded.
 */
public final class LeaseLostException extends QueueException {
    public LeaseLostException(String runId, String workerId, int attempt) {
        super("Run " + runId + " attempt " + attempt + " is no longer leased by " + workerId);
    }
}
