package org.jobdeck.server;

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

    HttpProblem(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    static HttpProblem unauthorized(String message) {
        return new HttpProblem(401, "unauthorized", message);
    }

    static HttpProblem forbidden(String message) {
        return new HttpProblem(403, "forbidden", message);
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
}
