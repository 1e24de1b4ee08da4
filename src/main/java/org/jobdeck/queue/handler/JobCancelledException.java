package org.jobdeck.queue.handler;

/** Thrown by a handler that stopped because its run was cancelled. */
public final class JobCancelledException extends RuntimeException {
    public JobCancelledException() {
        super("cancelled");
    }
}
