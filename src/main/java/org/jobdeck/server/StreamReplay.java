package org.jobdeck.server;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A resumed stream's catch-up: the changes since its {@code Last-Event-ID}, read page by page on
 * the stream's sender, at most {@code limit} of them. When the replay reaches the present it
 * hands the stream over to the hub exactly ({@link ChangeHub#handOver}): each change reaches the
 * client once, in order. When it would pass {@code limit}, it stops and
 * sends {@code reset} instead: the client reloads its snapshot rather than receive the history.
 */
final class StreamReplay {
    private static final Logger LOG = LoggerFactory.getLogger(StreamReplay.class);
    private static final int HAND_OVER_ATTEMPTS = 20;
    private static final long HAND_OVER_PAUSE_MILLIS = 5;

    private final RunChanges changes;
    private final String from;
    private final int limit;

    private final ChangeHub hub;

    StreamReplay(ChangeHub hub, String from, int limit) {
        this.hub = hub;
        this.changes = hub.changes();
        this.from = from;
        this.limit = limit;
    }

    /** Runs on the sender that owns the stream's writes. */
    void run(OpenStream stream) {
        try {
            replay(stream);
        } catch (RuntimeException e) {
            // The client resumes from the last id it received; the database may be back by then.
            stream.goLive();
            stream.end("its replay failed: " + e);
            LOG.warn("A resumed event stream could not read the changes it missed: {}", e.toString());
        }
    }

    private void replay(OpenStream stream) {
        String position = from;
        int replayed = 0;
        while (true) {
            int room = limit - replayed;
            if (room <= 0) {
                stream.goLive();
                stream.write(StreamEvent.reset(changes.head(),
                        "more than " + limit + " changes since the Last-Event-ID"));
                return;
            }
            RunChanges.Page page = changes.read(position, Math.min(ChangeHub.PAGE, room));
            if (!page.runs().isEmpty() && !stream.write(StreamEvent.runs(page))) {
                return;
            }
            position = page.position();
            replayed += page.runs().size();
            if (!page.more() && handOver(stream, position)) {
                return;
            }
        }
    }

    /** Joins the live events, waiting a moment while the hub is in the middle of a window. */
    private boolean handOver(OpenStream stream, String position) {
        for (int attempt = 0; attempt < HAND_OVER_ATTEMPTS; attempt++) {
            if (hub.handOver(stream, position)) {
                return true;
            }
            try {
                Thread.sleep(HAND_OVER_PAUSE_MILLIS); // the hub reads its next page at once
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return false; // read on: the hub will be between windows by the next page
    }
}
