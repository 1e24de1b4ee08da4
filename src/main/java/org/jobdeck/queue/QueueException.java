package org.jobdeck.queue;

/** The root of the queue's errors: each message is one line an operator can act on. */
public class QueueException extends RuntimeException {
    public QueueException(String message) {
        super(message);
    }

    public QueueException(String message, Throwable cause) {
        super(message, cause);
    }
}
