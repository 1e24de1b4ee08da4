package org.jobdeck.server;

/**
 * How the server serves its event streams ({@link RunEventStream}).
 *
 * @param pollMillis         how often the one change poller asks the database (other processes'
 *                           changes); this process's changes wake it at once
 * @param keepAliveMillis    how long a stream may stay silent before a keep-alive comment
 * @param maxStreams         streams open at once, in all; beyond it, 429
 * @param maxStreamsPerToken streams open at once with one token; beyond it, 429
 * @param replayWindowMillis how far back a resume is replayed; an older one gets {@code reset}
 * @param replayLimit        how many run changes a resume may replay before it gets {@code reset}
 * @param senderThreads      the threads that write events to every stream
 * @param stallMillis        how long one write may block (a client that stopped reading)
 *                           before its stream is dropped
 */
public record StreamSettings(long pollMillis, long keepAliveMillis, int maxStreams, int maxStreamsPerToken,
                             long replayWindowMillis, int replayLimit, int senderThreads, long stallMillis) {
    public static final int DEFAULT_MAX_STREAMS = 500;
    public static final int DEFAULT_MAX_STREAMS_PER_TOKEN = 100;
    static final long DEFAULT_REPLAY_WINDOW_MILLIS = 5 * 60_000;
    static final int DEFAULT_REPLAY_LIMIT = 10_000;

    public StreamSettings {
        requirePositive("pollMillis", pollMillis);
        requirePositive("keepAliveMillis", keepAliveMillis);
        requirePositive("maxStreams", maxStreams);
        requirePositive("maxStreamsPerToken", maxStreamsPerToken);
        requirePositive("replayLimit", replayLimit);
        requirePositive("senderThreads", senderThreads);
        requirePositive("stallMillis", stallMillis);
        if (replayWindowMillis < 0) {
            throw new IllegalArgumentException("replayWindowMillis must be 0 or more, got " + replayWindowMillis);
        }
    }

    /** Polls every 500 ms, keep-alives every 15 s, 500 streams (100 per token), 5 min or 10,000 changes replayed. */
    public static StreamSettings defaults() {
        return new StreamSettings(500, 15_000, DEFAULT_MAX_STREAMS, DEFAULT_MAX_STREAMS_PER_TOKEN,
                DEFAULT_REPLAY_WINDOW_MILLIS, DEFAULT_REPLAY_LIMIT, 4, 10_000);
    }

    public StreamSettings withKeepAlive(long millis) {
        return new StreamSettings(pollMillis, millis, maxStreams, maxStreamsPerToken, replayWindowMillis,
                replayLimit, senderThreads, stallMillis);
    }

    public StreamSettings withCaps(int max, int perToken) {
        return new StreamSettings(pollMillis, keepAliveMillis, max, perToken, replayWindowMillis,
                replayLimit, senderThreads, stallMillis);
    }

    public StreamSettings withReplay(long windowMillis, int limit) {
        return new StreamSettings(pollMillis, keepAliveMillis, maxStreams, maxStreamsPerToken, windowMillis,
                limit, senderThreads, stallMillis);
    }

    public StreamSettings withSenders(int threads, long stall) {
        return new StreamSettings(pollMillis, keepAliveMillis, maxStreams, maxStreamsPerToken, replayWindowMillis,
                replayLimit, threads, stall);
    }

    private static void requirePositive(String name, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be 1 or more, got " + value);
        }
    }
}
