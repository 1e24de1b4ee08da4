package org.jobdeck.server;

import io.javalin.http.sse.SseClient;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The wire end of one stream: Javalin's {@link SseClient}, kept open after its handler returned
 * ({@link SseClient#keepAlive()}), so no thread waits on it. Writes block while the client's
 * socket is full; {@link #abort()} is how another thread ends such a write.
 */
final class SseSink {
    private static final Logger LOG = LoggerFactory.getLogger(SseSink.class);

    private final SseClient client;

    SseSink(SseClient client) {
        this.client = client;
    }

    /** Writes one event or comment; {@link SseClient} closes itself (and calls its onClose) when the write fails. */
    void send(StreamEvent event) {
        if (event.isComment()) {
            client.sendComment(event.data());
        } else {
            client.sendEvent(event.name(), event.data(), event.position());
        }
    }

    boolean terminated() {
        return client.terminated();
    }

    /** Ends the response: the client sees the stream end, reconnects and resumes. */
    void close() {
        client.close();
    }

    /**
     * Drops the connection under a write that is blocked, which then fails at once. Closing the
     * response alone would wait for that write, which waits for a client that does not read
     * (until Jetty's idle timeout).
     */
    void abort() {
        try {
            ServletContextRequest.getServletContextRequest(client.ctx().req())
                    .getConnectionMetaData().getConnection().getEndPoint().close();
        } catch (RuntimeException e) {
            LOG.debug("Cannot drop an event stream's connection: {}", e.toString());
        }
        client.close();
    }
}
