package org.jobdeck.server;

import java.time.Duration;
import java.util.Optional;

/**
 * An HTTP error the server answers itself, before the {@code JobsApi} is involved: a missing
 * token, a body too large, malformed JSON. {@link ErrorMapper} turns it into the error shape.
 *
 * @param status the HTTP status
 * @param code   the wire code, e.g. {@code unauthorized}, {@code payload_too_large}
 */
final class HttpProblem extends RuntimeException {
    private final int status;
    private final String code;
    private final Duration retryAfter;

    HttpProblem(int status, String code, String message) {
        this(status, code, message, null);
    }

    private HttpProblem(int status, String code, String message, Duration retryAfter) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.retryAfter = retryAfter;
    }

    static HttpProblem unauthorized(String message) {
        return new HttpProblem(401, "unauthorized", message);
    }

    static HttpProblem forbidden(String message) {
        return new HttpProblem(403, "forbidden", message);
    }

    /** 429, answered with {@code Retry-After}. */
    static HttpProblem tooManyRequests(String message, Duration retryAfter) {
        return new HttpProblem(429, "too_many_requests", message, retryAfter);
    }

    static HttpProblem invalidRequest(String message) {
        return new HttpProblem(400, "invalid_request", message);
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    /** How long the client should wait before it asks again, or empty. */
    Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
