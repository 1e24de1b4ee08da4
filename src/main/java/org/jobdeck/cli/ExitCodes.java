package org.jobdeck.cli;

/** The exit codes scripts may rely on. */
final class ExitCodes {
    static final int OK = 0;
    /** The command ran, and what it ran did not succeed (a failed run, say). */
    static final int FAILED = 1;
    /** A usage error, or an unknown group or job. */
    static final int USAGE = 2;
    /** The catalog is invalid; every problem went to stderr. */
    static final int INVALID_CATALOG = 3;

    private ExitCodes() {
    }
}
