package org.jobdeck.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Arrays;
import javax.net.ssl.SSLException;
import org.jobdeck.api.JobsApiException;
import org.jobdeck.api.JobsApiException.Code;

/**
 * What went wrong with a call to the server, as one line a person can act on: the server cannot
 * be reached (UNAVAILABLE), it refused the token (UNAUTHORIZED), or it answered an error with a
 * code and message of its own, mapped back onto {@link Code}.
 */
final class RestErrors {
    private RestErrors() {
    }

    /** {@code Cannot reach http://127.0.0.1:8080: Connection refused}. */
    static JobsApiException unreachable(String server, IOException e) {
        return new JobsApiException(Code.UNAVAILABLE, "Cannot reach " + server + ": " + reason(e), e);
    }

    /**
     * @param error the {@code error} object of the body, or null when the body was something else
     */
    static JobsApiException fromResponse(String server, int status, JsonNode error, boolean sentToken) {
        String message = error == null ? null : error.path("message").asText(null);
        String wire = error == null ? null : error.path("code").asText(null);
        if (status == 401) {
            return new JobsApiException(Code.UNAUTHORIZED, sentToken
                    ? "The server refused the token (401): " + orElse(message, "unauthorized")
                    : "The server refused the request without a token (401): give it the server's token");
        }
        if (status == 403) {
            return new JobsApiException(Code.FORBIDDEN, "The server refused (403): " + orElse(message, "forbidden"));
        }
        if (error == null) {
            return new JobsApiException(status == 503 || status == 429 ? Code.UNAVAILABLE : Code.SERVER_ERROR,
                    server + " answered HTTP " + status + " without a Jobdeck error: is it a Jobdeck server?");
        }
        return new JobsApiException(code(wire, status), orElse(message, "HTTP " + status));
    }

    /**
     * The server's code when it is one of {@link Code} (idempotency_key_reused included, so a
     * reused key raises the same code over REST as embedded), else one that fits the status.
     */
    private static Code code(String wire, int status) {
        boolean known = wire != null && Arrays.stream(Code.values()).anyMatch(c -> c.wireName().equals(wire));
        if (known) {
            return Code.fromWire(wire);
        }
        if (status == 503 || status == 429) {
            return Code.UNAVAILABLE; // try again later: a server busy, or refusing this address for a while
        }
        return status >= 400 && status < 500 ? Code.INVALID_REQUEST : Code.SERVER_ERROR;
    }

    /** The cause a person understands, e.g. "Connection refused", "timed out", "unknown host x". */
    static String reason(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            for (Throwable suppressed : t.getSuppressed()) {
                if (suppressed instanceof ConnectException c && c.getMessage() != null
                        && c.getMessage().contains("refused")) {
                    return "Connection refused";
                }
            }
            if (t instanceof ConnectException && t.getMessage() != null && t.getMessage().contains("refused")) {
                return "Connection refused";
            }
            if (t instanceof UnknownHostException) {
                return "unknown host " + t.getMessage();
            }
            if (t instanceof NoRouteToHostException) {
                return "no route to host";
            }
            if (t instanceof SocketTimeoutException || t instanceof InterruptedIOException
                    && "timeout".equals(t.getMessage())) {
                return "timed out";
            }
            if (t instanceof SSLException) {
                return "TLS failed: " + t.getMessage();
            }
        }
        if (e instanceof ConnectException) {
            return "Connection refused";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static String orElse(String text, String fallback) {
        return text == null || text.isBlank() ? fallback : text;
    }
}
