package org.jobdeck.server;

import java.security.SecureRandom;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Failures that are the server's, not the client's (5xx): the details go to the server log
 * under a short random id, and the client gets that id and nothing else. A database message, a
 * stack trace or a file path would tell a stranger how the server is built; the id lets an
 * operator find the line that does.
 */
final class FailureLog {
    private static final Logger LOG = LoggerFactory.getLogger(FailureLog.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private FailureLog() {
    }

    /**
     * Logs the failure with a new id; returns the message for the client.
     *
     * @param request how the log names the request, e.g. {@code POST /api/admin/jobs/enqueue}
     * @param cause   what went wrong (logged with its stack), or null when there is no exception
     * @param detail  what the log should say when there is no exception
     */
    static String record(int status, String request, Throwable cause, String detail) {
        String id = newId();
        if (cause != null) {
            LOG.error("Error {}: {} answered {}", id, request, status, cause);
        } else {
            LOG.error("Error {}: {} answered {}: {}", id, request, status, detail);
        }
        return (status == 503 ? "The server cannot serve this request now" : "Internal server error")
                + " (error id " + id + "); the server log has the details";
    }

    /** Eight hex digits: short enough to read out, and enough to find one line in a day's log. */
    static String newId() {
        byte[] bytes = new byte[4];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
