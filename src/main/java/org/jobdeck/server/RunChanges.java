package org.jobdeck.server;

import java.util.List;
import org.jobdeck.api.RunView;

/**
 * Where the event streams' run changes come from: the one seam between the streams and the
 * queue. Today {@link StoreRunChanges} reads {@code updated_at} times with an overlap; a change
 * feed on {@code JobsApi} ({@code changes(after, limit)}, stamped from one database sequence)
 * replaces it here without touching the hub or the streams.
 *
 * <p>A position is a long that orders changes: a stream's event id. Resuming a reader from a
 * position returns every change after it, possibly some before it again, never fewer.
 */
interface RunChanges {
    /** The newest position now: every change made so far is at or before it. */
    long head();

    /** A reader of the changes from {@code position} on. */
    Reader readFrom(long position);

    /** Runs {@code wake} after this process (and, where the database tells, another) changed runs. */
    void onChange(Runnable wake);

    /** Reads changes in order; one reader per consumer, not shared between threads. */
    interface Reader {
        /** The next changes, oldest first, at most {@code limit}. */
        Page next(int limit);
    }

    /** One run as it is after a change, and the change's position. */
    record Change(RunView run, long position) {
    }

    /** @param more true when the page was full: more changes are waiting now */
    record Page(List<Change> changes, boolean more) {
    }
}
