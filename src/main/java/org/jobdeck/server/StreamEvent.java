package org.jobdeck.server;

import java.util.ArrayList;
import java.util.List;
import org.jobdeck.api.RunList;
import org.jobdeck.api.RunView;

/**
 * One thing a stream sends: an event ({@code ready}, {@code runs}, {@code reset}) with its JSON
 * data and position, or the keep-alive comment. Events of run changes are rendered once and
 * shared by every stream; each stream stamps its own id when it sends one (see
 * {@link OpenStream}).
 *
 * @param name     the SSE event name, or null for the keep-alive comment
 * @param position where a client that saw this event resumes: its id, unless the stream has
 *                 already sent a higher one
 */
record StreamEvent(String name, String data, long position) {
    static final int RUNS_PER_EVENT = 200;
    static final StreamEvent KEEP_ALIVE = new StreamEvent(null, "keep-alive", 0);

    boolean isComment() {
        return name == null;
    }

    /** First on every stream: where it starts. */
    static StreamEvent ready(long position) {
        return new StreamEvent("ready", "{\"position\":" + position + "}", position);
    }

    /**
     * The stream cannot replay what the client missed: the client reloads its snapshot (the runs
     * it shows), then follows the stream from {@code position}.
     */
    static StreamEvent reset(long position, String reason) {
        return new StreamEvent("reset", ServerJson.write(new Reset(position, reason)), position);
    }

    record Reset(long position, String reason) {
    }

    /**
     * The changes as {@code runs} events of at most {@link #RUNS_PER_EVENT} runs, oldest first;
     * each event's position is the newest change it or an earlier one holds, so a client that
     * resumes from it misses none of the later events.
     */
    static List<StreamEvent> runs(List<RunChanges.Change> changes, long from) {
        List<StreamEvent> events = new ArrayList<>(changes.size() / RUNS_PER_EVENT + 1);
        long position = from;
        for (int start = 0; start < changes.size(); start += RUNS_PER_EVENT) {
            List<RunChanges.Change> chunk = changes.subList(start, Math.min(changes.size(), start + RUNS_PER_EVENT));
            List<RunView> views = new ArrayList<>(chunk.size());
            for (RunChanges.Change change : chunk) {
                views.add(change.run());
                position = Math.max(position, change.position());
            }
            events.add(new StreamEvent("runs", ServerJson.write(new RunList(views)), position));
        }
        return events;
    }
}
