package org.jobdeck.server;

import org.jobdeck.api.RunList;

/**
 * One thing a stream sends: an event ({@code ready}, {@code runs}, {@code reset}) with its JSON
 * data and position, or the keep-alive comment. Events of run changes are rendered once and
 * shared by every stream.
 *
 * @param name     the SSE event name, or null for the keep-alive comment
 * @param position where a client that saw this event resumes: its id (null for the comment)
 */
record StreamEvent(String name, String data, String position) {
    static final StreamEvent KEEP_ALIVE = new StreamEvent(null, "keep-alive", null);

    boolean isComment() {
        return name == null;
    }

    /** First on every stream: where it starts. */
    static StreamEvent ready(String position) {
        return new StreamEvent("ready", ServerJson.write(new Ready(position)), position);
    }

    record Ready(String position) {
    }

    /**
     * The stream cannot replay what the client missed: the client reloads its snapshot (the runs
     * it shows), then follows the stream from {@code position}.
     */
    static StreamEvent reset(String position, String reason) {
        return new StreamEvent("reset", ServerJson.write(new Reset(position, reason)), position);
    }

    record Reset(String position, String reason) {
    }

    /** One page of changes as one {@code runs} event, whose id is the position after the page. */
    static StreamEvent runs(RunChanges.Page page) {
        return new StreamEvent("runs", ServerJson.write(new RunList(page.runs())), page.position());
    }
}
