package org.jobdeck.queue;

/** An operator action that the run's current state does not allow, e.g. retrying a success. */
public final class IllegalRunStateException extends QueueException {
    public IllegalRunStateException(String message) {
        super(message);
    }
}
