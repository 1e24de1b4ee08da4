package org.jobdeck.server;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A resumed stream's catch-up: the changes since its {@code Last-Event-ID}, read page by page on
 * the stream's sender, at most {@code limit} of them. When the replay reaches the present it
 * hands the stream over to the hub ({@link OpenStream#goLive()}) and reads once more, for the
 * changes the hub passed on to others meanwhile (a change in both may come twice; clients keep
 * the highest version of each run). When it would pass {@code limit}, it stops and
 * sends {@code reset} instead: the client reloads its snapshot rather than receive the history.
 */
final class StreamReplay {
    private static final Logger LOG = LoggerFactory.getLogger(StreamReplay.class);

    private final RunChanges changes;
    private final String from;
    private final int limit;

    StreamReplay(RunChanges changes, String from, int limit) {
        this.changes = changes;
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
        boolean handedOver = false;
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
            if (page.more()) {
                continue;
            }
            if (handedOver) {
                return;
            }
            stream.goLive();
            handedOver = true;
        }
    }
}
