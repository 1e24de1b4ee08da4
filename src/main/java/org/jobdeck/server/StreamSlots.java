package org.jobdeck.server;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The caps on open event streams: so many in all, so many per token. A token is known here by
 * its SHA-256 digest only, never by itself. A stream holds its {@link Slot} until it ends.
 */
final class StreamSlots {
    /** What a refused client is told to wait: about as long as a closed stream takes to notice. */
    static final int RETRY_AFTER_SECONDS = 10;

    private final int max;
    private final int perToken;
    private final Map<String, Integer> byToken = new HashMap<>();
    private int open;

    StreamSlots(int max, int perToken) {
        this.max = max;
        this.perToken = perToken;
    }

    /** A slot for a stream of the bearer of {@code token}, or a 429 {@link HttpProblem}. */
    synchronized Slot acquire(String token) {
        String digest = digest(token);
        int mine = byToken.getOrDefault(digest, 0);
        if (mine >= perToken) {
            throw tooMany("This token has " + mine + " event streams open, the most one token may;"
                    + " close one, or retry after " + RETRY_AFTER_SECONDS + " s");
        }
        if (open >= max) {
            throw tooMany("The server has " + open + " event streams open, the most it serves;"
                    + " retry after " + RETRY_AFTER_SECONDS + " s");
        }
        byToken.put(digest, mine + 1);
        open++;
        return new Slot(digest);
    }

    /** Streams open now. */
    synchronized int open() {
        return open;
    }

    private synchronized void release(String digest) {
        open--;
        byToken.computeIfPresent(digest, (key, count) -> count > 1 ? count - 1 : null);
    }

    private static HttpProblem tooMany(String message) {
        return new HttpProblem(429, "too_many_streams", message);
    }

    private static String digest(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /**
     * One stream's place under the caps. Whoever claims it first (the stream, or the request's
     * end when no stream began) releases it, once, however often {@link #release()} is called.
     */
    final class Slot {
        private final String digest;
        private final AtomicBoolean claimed = new AtomicBoolean();
        private final AtomicBoolean released = new AtomicBoolean();

        private Slot(String digest) {
            this.digest = digest;
        }

        boolean claim() {
            return claimed.compareAndSet(false, true);
        }

        void release() {
            if (released.compareAndSet(false, true)) {
                StreamSlots.this.release(digest);
            }
        }
    }
}
