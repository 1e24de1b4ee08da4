package org.jobdeck.api;

import java.util.Locale;

/**
 * Every error a {@link JobsApi} reports, with a code a face can act on and one line a person
 * can read. The REST API sends the same pair: {@code {"error":{"code":…,"message":…}}}.
 */
public final class JobsApiException extends RuntimeException {
    /** The kinds of error, as a UI or a script tells them apart. */
    public enum Code {
        UNKNOWN_GROUP, UNKNOWN_JOB, UNKNOWN_RUN, UNKNOWN_SCHEDULE, INVALID_PARAMS, INVALID_STATE, INVALID_REQUEST,
        INVALID_CATALOG, UNAVAILABLE, UNAUTHORIZED, FORBIDDEN, SERVER_ERROR,
        /** An idempotency key already used, within 24 h, for a different request. */
        IDEMPOTENCY_KEY_REUSED;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Code fromWire(String text) {
            try {
                return valueOf(text.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException | NullPointerException e) {
                return SERVER_ERROR;
            }
        }
    }

    private final Code code;

    public JobsApiException(Code code, String message) {
        super(message);
        this.code = code;
    }

    public JobsApiException(Code code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public Code code() {
        return code;
    }
}
