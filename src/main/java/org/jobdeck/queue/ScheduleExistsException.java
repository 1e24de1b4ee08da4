package org.jobdeck.queue;

/** A new schedule whose name is taken. */
public final class ScheduleExistsException extends QueueException {
    public ScheduleExistsException(String name) {
        super("A schedule named " + name + " exists already (change it with PUT, or remove it first)");
    }
}
