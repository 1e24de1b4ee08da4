package org.jobdeck.queue;

/** A run id that the store does not hold. */
public final class UnknownRunException extends QueueException {
    public UnknownRunException(String runId) {
        super("Unknown run: " + runId);
    }
}
