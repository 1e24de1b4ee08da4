package org.jobdeck.server;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.sse.SseClient;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import org.jobdeck.api.JobsApiException;

/**
 * {@code GET /api/admin/jobs/events}: run changes as Server-Sent Events.
 *
 * <ul>
 *   <li>{@code event: ready}, first: {@code {"position":"P"}}, with id P (where the stream starts);</li>
 *   <li>{@code event: runs}: {@code {"runs":[RunView…]}}, the runs that changed, in commit order;
 *       its id is the change feed's position after them (an opaque token);</li>
 *   <li>{@code event: reset}: {@code {"position":P,"reason":…}}, with id P: the stream cannot
 *       replay what the client missed, so the client reloads its snapshot (the runs it shows) and
 *       follows the stream from P;</li>
 *   <li>a {@code : keep-alive} comment when nothing was sent for a while.</li>
 * </ul>
 *
 * <p><b>Resuming.</b> A client resumes with {@code Last-Event-ID} (or {@code ?lastEventId=}): a
 * position this server's feed gave out, else 400. The changes after it are replayed exactly,
 * in commit order; the replay is bounded: one that passes 10,000 changes stops with
 * {@code reset}.
 *
 * <p><b>Bounds.</b> One {@link ChangeHub} polls for every stream; no stream has a thread of its
 * own ({@link OpenStream}). Streams are capped in all and per token ({@link StreamSlots}): beyond
 * the cap, 429 {@code too_many_streams} with {@code Retry-After}.
 */
final class RunEventStream implements AutoCloseable {
    static final String PATH = TokenAuth.PROTECTED_PREFIX + "/events";
    private static final String SLOT = "jobdeck.events.slot";
    private static final String RESUME = "jobdeck.events.resume";
    private static final int MAX_ECHOED = 40;
    /** Far longer than a position with hundreds of transactions in flight. */
    private static final int MAX_POSITION = 8_192;

    private final ChangeHub hub;
    private final StreamSlots slots;
    private final StreamSettings settings;

    RunEventStream(RunChanges changes, StreamSettings settings) {
        this.hub = new ChangeHub(changes, settings);
        this.slots = new StreamSlots(settings.maxStreams(), settings.maxStreamsPerToken());
        this.settings = settings;
    }

    /** The threads that run the SSE handler: the hub's senders, so no connection adds one. */
    ExecutorService handlerThreads() {
        return hub.senders();
    }

    /**
     * A before-handler for {@link #PATH}: the stream's preconditions, while a status can still be
     * set. Runs after {@link TokenAuth}, so the bearer token is known to be valid.
     */
    void checkRequest(Context ctx) {
        if (!ctx.path().equals(PATH)) {
            return;
        }
        String accept = ctx.header("Accept");
        if (accept == null || !accept.toLowerCase(Locale.ROOT).contains("text/event-stream")) {
            throw new HttpProblem(406, "not_acceptable",
                    "This is a Server-Sent Events stream: send Accept: text/event-stream");
        }
        String resume = lastEventId(ctx);
        if (ctx.method() != HandlerType.GET) {
            return;
        }
        try {
            ctx.attribute(SLOT, slots.acquire(bearerToken(ctx)));
        } catch (HttpProblem full) {
            ctx.header("Retry-After", Integer.toString(StreamSlots.RETRY_AFTER_SECONDS));
            throw full;
        }
        ctx.attribute(RESUME, resume);
    }

    /** An after-handler: frees the slot of a request that ended before its stream began. */
    void releaseUnclaimed(Context ctx) {
        StreamSlots.Slot slot = ctx.attribute(SLOT);
        if (slot != null && slot.claim()) {
            slot.release();
        }
    }

    /** Starts one stream and returns: the hub's threads send its events from now on. */
    void serve(SseClient client) {
        StreamSlots.Slot slot = client.ctx().attribute(SLOT);
        if (slot == null || !slot.claim()) {
            client.close(); // the request ended (and its slot was freed) before the stream began
            return;
        }
        client.keepAlive();
        String resume = client.ctx().attribute(RESUME);
        OpenStream stream = new OpenStream(new SseSink(client), hub.senders(), ended -> {
            hub.remove(ended);
            slot.release();
        });
        String start = hub.join(stream);
        client.onClose(stream::ended);
        if (resume == null) {
            stream.begin(List.of(StreamEvent.ready(start)));
        } else {
            stream.beginReplay(StreamEvent.ready(resume), new StreamReplay(hub, resume, settings.replayLimit()));
        }
    }

    /** Streams open now. */
    int openStreams() {
        return hub.open();
    }

    /** The resume position, checked against the feed (a 400 now, not a broken stream later); null for none. */
    private String lastEventId(Context ctx) {
        String text = ctx.header("Last-Event-ID");
        if (text == null || text.isBlank()) {
            text = ctx.queryParam("lastEventId");
        }
        if (text == null || text.isBlank()) {
            return null;
        }
        String id = text.strip();
        if (id.length() > MAX_POSITION) {
            throw invalidLastEventId(id, "it is longer than any position this server gives out");
        }
        try {
            hub.changes().read(id, 1);
        } catch (JobsApiException e) {
            if (e.code() != JobsApiException.Code.INVALID_REQUEST) {
                throw e;
            }
            throw invalidLastEventId(id, e.getMessage());
        }
        return id;
    }

    private static HttpProblem invalidLastEventId(String text, String why) {
        String shown = text.length() > MAX_ECHOED ? text.substring(0, MAX_ECHOED) + "…" : text;
        return HttpProblem.invalidRequest("Last-Event-ID must be the id of an event this server sent, got "
                + shown.replaceAll("\\p{Cntrl}", "?") + ": " + why);
    }

    /** The bearer token TokenAuth accepted; only its digest is kept ({@link StreamSlots}). */
    private static String bearerToken(Context ctx) {
        String header = ctx.header("Authorization");
        String trimmed = header == null ? "" : header.strip();
        int space = trimmed.indexOf(' ');
        return space < 0 ? "" : trimmed.substring(space + 1).strip();
    }

    /** Ends every stream (their clients reconnect and resume), and stops the hub's threads. */
    @Override
    public void close() {
        hub.close();
    }
}
