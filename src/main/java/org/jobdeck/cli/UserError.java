package org.jobdeck.cli;

/** A mistake in what the user asked for, reported as one line with a chosen exit code. */
final class UserError extends RuntimeException {
    private final int exitCode;

    UserError(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    int exitCode() {
        return exitCode;
    }
}
