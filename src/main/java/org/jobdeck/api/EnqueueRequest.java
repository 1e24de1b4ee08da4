package org.jobdeck.api;

import java.util.Map;

/**
 * An enqueue: what to run, params per job overriding its defaults, who asked, and an optional
 * idempotency key (a repeat of the same request with the same key returns the first result; the
 * key bound to another request is refused, see {@link RequestFingerprint}).
 */
public record EnqueueRequest(PlanRequest selection, Map<String, Map<String, Object>> params,
                             String requestedBy, String idempotencyKey) {
    public EnqueueRequest {
        params = params == null ? Map.of() : Map.copyOf(params);
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
}
