package org.jobdeck.queue.handler;

/**
 * A failure that another attempt cannot fix (a missing handler, a missing input): the run fails
 * at once instead of using its remaining attempts.
 */
public class PermanentJobFailure extends RuntimeException {
    public PermanentJobFailure(String message) {
        super(message);
    }
}
