package org.jobdeck.server;

import java.util.List;
import java.util.Map;
import org.jobdeck.api.RunList;
import org.jobdeck.api.RunView;

/**
 * One thing a stream sends: an event ({@code ready}, {@code runs}, {@code reset}) with its JSON
 * data and position, or the keep-alive comment. Events of run changes are rendered once and
 * shared by every stream.
 *
 * @param name     the SSE event name, or null for the keep-alive comment
 * @param position where a client that saw this event resumes: its id (null for the comment)
 */
record StreamEvent(String name, String data, String position, List<RunView> runs) {
    static final StreamEvent KEEP_ALIVE = new StreamEvent(null, "keep-alive", null, List.of());

    boolean isComment() {
        return name == null;
    }

    /** First on every stream: where it starts. */
    static StreamEvent ready(String position) {
        return new StreamEvent("ready", ServerJson.write(new Ready(position)), position, List.of());
    }

    record Ready(String position) {
    }

    /**
     * The stream cannot replay what the client missed: the client reloads its snapshot (the runs
     * it shows), then follows the stream from {@code position}.
     */
    static StreamEvent reset(String position, String reason) {
        return new StreamEvent("reset", ServerJson.write(new Reset(position, reason)), position, List.of());
    }

    record Reset(String position, String reason) {
    }

    /** One page of changes as one {@code runs} event, whose id is the position after the page. */
    static StreamEvent runs(RunChanges.Page page) {
        return runs(page.runs(), page.position());
    }

    static StreamEvent runs(List<RunView> runs, String position) {
        return new StreamEvent("runs", ServerJson.write(new RunList(runs)), position, runs);
    }

    /**
     * This event without the runs at or below the versions in {@code sent} (a stream's replay
     * sent them already); this event itself when none is; null when nothing is left.
     */
    StreamEvent without(Map<String, Long> sent) {
        if (runs.isEmpty() || sent.isEmpty()) {
            return this;
        }
        List<RunView> left = runs.stream().filter(run -> run.version() > sent.getOrDefault(run.jobRunId(), -1L))
                .toList();
        return left.size() == runs.size() ? this : left.isEmpty() ? null : runs(left, position);
    }
}
