package org.jobdeck.queue;

/**
 * An idempotency key that already created a batch, within 24 h, for a different request. Its
 * message names the key and the batch, never the other request's content.
 */
public final class IdempotencyKeyReusedException extends QueueException {
    public IdempotencyKeyReusedException(String key, String batchId) {
        super("Idempotency-Key '" + key + "' was used within the last 24 hours for a different request"
                + " (batch " + batchId + "): send a new key for a new request");
    }
}
