package org.jobdeck.queue;

/** A schedule name that the database does not hold. */
public final class UnknownScheduleException extends QueueException {
    public UnknownScheduleException(String name) {
        super("Unknown schedule: " + name);
    }
}
