package org.jobdeck.queue;

/**
 * A client's key for one enqueue, and the fingerprint of the request it was sent with. A repeat
 * with the same key and fingerprint within 24 h returns the first batch; the same key with
 * another fingerprint is refused ({@link IdempotencyKeyReusedException}).
 *
 * @param key         the client's key, e.g. a UUID
 * @param fingerprint what the key is bound to: a digest of the request, computed by the caller
 *                    (the queue compares it and never interprets it)
 */
public record IdempotencyKey(String key, String fingerprint) {
    public static final int MAX_KEY_LENGTH = 200;
    public static final int MAX_FINGERPRINT_LENGTH = 64;

    public IdempotencyKey {
        if (key == null || key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw new IllegalArgumentException("an idempotency key is 1 to " + MAX_KEY_LENGTH + " characters");
        }
        if (fingerprint == null || fingerprint.isBlank() || fingerprint.length() > MAX_FINGERPRINT_LENGTH) {
            throw new IllegalArgumentException("a request fingerprint is 1 to " + MAX_FINGERPRINT_LENGTH
                    + " characters");
        }
    }
}
