package org.jobdeck.server;

/**
 * How the server serves its event streams ({@link RunEventStream}).
 *
 * @param pollMillis         how often the one change poller asks the database (other processes'
 *                           changes); this process's changes wake it at once
 * @param keepAliveMillis    how long a stream may stay silent before a keep-alive comment
 * @param maxStreams         streams open at once, in all; beyond it, 429
 * @param maxStreamsPerToken streams open at once with one token; beyond it, 429
 * @param replayLimit        how many run changes a resume may replay before it gets {@code reset}
 * @param senderThreads      the threads that write events to every stream
 * @param stallMillis        how long one write may block (a client that stopped reading)
 *                           before its stream is dropped
 */
public record StreamSettings(long pollMillis, long keepAliveMillis, int maxStreams, int maxStreamsPerToken,
                             int replayLimit, int senderThreads, long stallMillis) {
    public static final int DEFAULT_MAX_STREAMS = 500;
    public static final int DEFAULT_MAX_STREAMS_PER_TOKEN = 100;
    static final int DEFAULT_REPLAY_LIMIT = 10_000;

    public StreamSettings {
        requirePositive("pollMillis", pollMillis);
        requirePositive("keepAliveMillis", keepAliveMillis);
        requirePositive("maxStreams", maxStreams);
        requirePositive("maxStreamsPerToken", maxStreamsPerToken);
        requirePositive("replayLimit", replayLimit);
        requirePositive("senderThreads", senderThreads);
        requirePositive("stallMillis", stallMillis);
    }

    /** Polls every 500 ms, keep-alives every 15 s, 500 streams (100 per token), 10,000 changes replayed. */
    public static StreamSettings defaults() {
        return new StreamSettings(500, 15_000, DEFAULT_MAX_STREAMS, DEFAULT_MAX_STREAMS_PER_TOKEN,
                DEFAULT_REPLAY_LIMIT, 4, 10_000);
    }

    public StreamSettings withKeepAlive(long millis) {
        return new StreamSettings(pollMillis, millis, maxStreams, maxStreamsPerToken,
                replayLimit, senderThreads, stallMillis);
    }

    public StreamSettings withCaps(int max, int perToken) {
        return new StreamSettings(pollMillis, keepAliveMillis, max, perToken, replayLimit, senderThreads, stallMillis);
    }

    public StreamSettings withReplayLimit(int limit) {
        return new StreamSettings(pollMillis, keepAliveMillis, maxStreams, maxStreamsPerToken, limit, senderThreads,
                stallMillis);
    }

    public StreamSettings withSenders(int threads, long stall) {
        return new StreamSettings(pollMillis, keepAliveMillis, maxStreams, maxStreamsPerToken, replayLimit, threads,
                stall);
    }

    private static void requirePositive(String name, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be 1 or more, got " + value);
        }
    }
}
