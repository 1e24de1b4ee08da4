package org.jobdeck.api;

import java.util.Map;

/**
 * An enqueue: what to run, params per job overriding its defaults, who asked, and an optional
 * idempotency key (a repeat of the same request with the same key returns the first result; the
 * key bound to another request is refused, see {@link RequestFingerprint}).
 *
 * <p>Who asked is the face's to say. A request that names no one was made by the user this
 * process runs as ({@link #localUser()}), and says so from the start, so every backend stores
 * and fingerprints the same name. The REST server is the one face whose process is not the
 * caller's: it names its callers itself.
 */
public record EnqueueRequest(PlanRequest selection, Map<String, Map<String, Object>> params,
                             String requestedBy, String idempotencyKey) {
    public EnqueueRequest {
        if (selection == null) {
            throw new JobsApiException(JobsApiException.Code.INVALID_REQUEST, PlanRequest.NO_SCOPE);
        }
        params = params == null ? Map.of() : Map.copyOf(requireObjects(params));
        requestedBy = requestedBy == null || requestedBy.isBlank() ? localUser() : requestedBy;
    }

    /** The operating-system user this process runs as: who asked, when a local face names no one. */
    public static String localUser() {
        return System.getProperty("user.name", "unknown");
    }

    public static EnqueueRequest of(PlanRequest selection, String requestedBy) {
        return new EnqueueRequest(selection, Map.of(), requestedBy, null);
    }

    public EnqueueRequest withParams(Map<String, Map<String, Object>> perJob) {
        return new EnqueueRequest(selection, perJob, requestedBy, idempotencyKey);
    }

    public EnqueueRequest withIdempotencyKey(String key) {
        return new EnqueueRequest(selection, params, requestedBy, key);
    }

    public EnqueueRequest withRequestedBy(String who) {
        return new EnqueueRequest(selection, params, who, idempotencyKey);
    }

    /** What the idempotency key is bound to: see {@link RequestFingerprint}. */
    public String fingerprint() {
        return RequestFingerprint.of(this);
    }

    /** {@code "params":{"feed-presort":null}} names a job but gives it no object of params. */
    private static Map<String, Map<String, Object>> requireObjects(Map<String, Map<String, Object>> params) {
        params.forEach((job, given) -> {
            if (job == null || given == null) {
                throw new JobsApiException(JobsApiException.Code.INVALID_PARAMS, "Params for job " + job
                        + " must be an object of names and values, e.g. {\"userId\":8}, not null");
            }
        });
        return params;
    }
}
