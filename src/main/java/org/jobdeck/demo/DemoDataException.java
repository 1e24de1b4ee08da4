package org.jobdeck.demo;

/** The demo dataset could not be created, read or removed; the message is one operator-readable line. */
public class DemoDataException extends RuntimeException {
    public DemoDataException(String message) {
        super(message);
    }

    public DemoDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
