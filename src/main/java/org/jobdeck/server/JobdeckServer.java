package org.jobdeck.server;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.HttpResponseException;
import io.javalin.http.util.AsyncExecutor;
import java.time.Clock;
import java.util.Map;
import kotlin.LazyKt;
import org.jobdeck.api.JobsApi;

/**
 * The REST server: Javalin over any {@link JobsApi}, under {@code /api/admin/jobs}
 * ({@link CatalogRoutes}, {@link EnqueueRoutes}, {@link RunRoutes}, {@link RunEventStream}),
 * every endpoint behind {@link TokenAuth} except {@code GET /api/admin/health}. The server does
 * not own the API: closing it stops HTTP, and the caller closes the API.
 */
public final class JobdeckServer implements AutoCloseable {
    static final String HEALTH_PATH = "/api/admin/health";

    private final Javalin app;
    private final RunEventStream events;
    private final String host;

    private JobdeckServer(Javalin app, RunEventStream events, String host) {
        this.app = app;
        this.events = events;
        this.host = host;
    }

    /**
     * How to serve.
     *
     * @param port      0 for any free port (read it back with {@link #port()})
     * @param readToken null for no read-only token
     * @param streams   how the event streams poll, and how many may be open
     * @param allowCommandProbes whether a schedule sent over REST may have a command probe (a
     *                  program the server's processes run); off unless the operator says so
     */
    public record Settings(String host, int port, String adminToken, String readToken, StreamSettings streams,
                           boolean allowCommandProbes) {
        public static final String DEFAULT_HOST = "127.0.0.1";
        public static final int DEFAULT_PORT = 8080;

        public static Settings of(String host, int port, String adminToken, String readToken) {
            return new Settings(host, port, adminToken, readToken, StreamSettings.defaults(), false);
        }

        public Settings withKeepAlive(long millis) {
            return withStreams(streams.withKeepAlive(millis));
        }

        public Settings withStreams(StreamSettings settings) {
            return new Settings(host, port, adminToken, readToken, settings, allowCommandProbes);
        }

        public Settings withCommandProbes(boolean allowed) {
            return new Settings(host, port, adminToken, readToken, streams, allowed);
        }
    }

    /** Starts serving; returns once the server accepts connections. */
    public static JobdeckServer start(JobsApi api, Settings settings) {
        return start(api, settings, new FailedAuthentications(FailedAuthentications.Policy.standard(),
                Clock.systemUTC()));
    }

    /** As above, with failed authentications counted by {@code failures} (tests bring their clock). */
    static JobdeckServer start(JobsApi api, Settings settings, FailedAuthentications failures) {
        TokenAuth auth = new TokenAuth(settings.adminToken(), settings.readToken(), failures);
        RunEventStream events = new RunEventStream(new ApiRunChanges(api), settings.streams());
        Javalin app = Javalin.create(cfg -> configure(cfg, settings, api, auth, events));
        try {
            app.start();
        } catch (RuntimeException e) {
            events.close();
            throw e;
        }
        return new JobdeckServer(app, events, settings.host());
    }

    private static void configure(JavalinConfig cfg, Settings settings, JobsApi api,
                                  TokenAuth auth, RunEventStream events) {
        cfg.startup.showJavalinBanner = false;
        cfg.jetty.host = settings.host();
        cfg.jetty.port = settings.port();
        cfg.http.maxRequestSize = JsonBodies.MAX_BYTES;
        cfg.http.prefer405over404 = true;
        // Jetty's own refusals (414, 431, a request it cannot parse) in the error shape, not HTML.
        cfg.jetty.modifyServer(server -> server.setErrorHandler(new ContainerErrors()));
        // Javalin runs each SSE handler on its async pool, which grows by a thread per concurrent
        // connection: the hub's bounded senders run them instead (they register a stream and return).
        cfg.concurrency.executor = LazyKt.lazyOf(new AsyncExecutor(events.handlerThreads()));
        // Order matters: the method is the request line's (400), then who you are (401/403), then
        // what you sent (413/415), then the stream's own checks.
        cfg.routes.before(MethodOverrides::refuse);
        cfg.routes.before(auth::check);
        cfg.routes.before(JsonBodies::checkHeaders);
        cfg.routes.before(events::checkRequest);
        cfg.routes.get(HEALTH_PATH, ctx -> ServerJson.ok(ctx, Map.of("status", "ok")));
        new CatalogRoutes(api).register(cfg.routes);
        new EnqueueRoutes(api).register(cfg.routes);
        new RunRoutes(api).register(cfg.routes);
        new ScheduleRoutes(api, settings.allowCommandProbes()).register(cfg.routes);
        cfg.routes.sse(RunEventStream.PATH, events::serve);
        cfg.routes.after(JsonBodies::discardUnread);
        cfg.routes.after(RunEventStream.PATH, events::releaseUnclaimed);
        // Javalin answers its own HttpResponseExceptions (404, 405…) in plain text unless told otherwise.
        cfg.routes.exception(HttpResponseException.class, ErrorMapper::handle);
        cfg.routes.exception(Exception.class, ErrorMapper::handle);
    }

    /** The port it listens on: the real one when it was started on port 0. */
    public int port() {
        return app.port();
    }

    /** {@code http://HOST:PORT}. */
    public String url() {
        String shown = host.contains(":") ? "[" + host + "]" : host;
        return "http://" + shown + ":" + port();
    }

    /** Event streams open now. */
    int openStreams() {
        return events.openStreams();
    }

    /** Ends the event streams (their clients reconnect and resume), then stops HTTP. */
    @Override
    public void close() {
        events.close();
        app.stop();
    }
}
