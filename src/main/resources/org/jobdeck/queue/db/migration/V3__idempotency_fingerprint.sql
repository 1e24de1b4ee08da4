-- An idempotency key is bound to the request that first used it: the SHA-256 (hex) of the
-- request's canonical form. A repeat with the same key and another fingerprint is refused.
-- Batches stored before this column existed have none and replay as before.
ALTER TABLE jd_batch ADD COLUMN idempotency_fingerprint VARCHAR(64);
