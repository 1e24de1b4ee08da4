package org.jobdeck.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.jobdeck.api.CatalogView;
import org.jobdeck.api.EnqueueRequest;
import org.jobdeck.api.EnqueueResult;
import org.jobdeck.api.FireList;
import org.jobdeck.api.FireView;
import org.jobdeck.api.GroupsView;
import org.jobdeck.api.JobsApi;
import org.jobdeck.api.JobsApiException.Code;
import org.jobdeck.api.JobsApiException;
import org.jobdeck.api.PlanRequest;
import org.jobdeck.api.PlanView;
import org.jobdeck.api.ProbeView;
import org.jobdeck.api.RunChangePage;
import org.jobdeck.api.RunDetail;
import org.jobdeck.api.RunFilter;
import org.jobdeck.api.RunList;
import org.jobdeck.api.RunPage;
import org.jobdeck.api.RunView;
import org.jobdeck.api.ScheduleList;
import org.jobdeck.api.ScheduleView;
import org.jobdeck.core.catalog.CatalogDocument;
import org.jobdeck.core.catalog.CatalogReader;
import org.jobdeck.core.plan.PlanScope;
import org.jobdeck.core.schedule.Schedule;
import org.jobdeck.core.schedule.ScheduleWriter;

/**
 * {@link JobsApi} over a Jobdeck server ({@code jobdeck serve}), with OkHttp and Jackson.
 *
 * <ul>
 *   <li>Every call has connect, read, write and whole-call timeouts ({@link Timeouts}).</li>
 *   <li>Every enqueue carries an {@code Idempotency-Key} (the request's, else a new UUID) and is
 *       sent once more, with the same key, when the first attempt fails on I/O: the server
 *       returns the first batch instead of creating a second.</li>
 *   <li>{@link #subscribe} follows the server's event stream, reconnecting and resuming.</li>
 *   <li>Errors are {@link JobsApiException}s: UNAVAILABLE "Cannot reach http://…: Connection
 *       refused", UNAUTHORIZED "The server refused the token (401): …", or the server's own code
 *       and message.</li>
 * </ul>
 *
 * The token stays in memory only.
 */
public final class RestJobsApi implements JobsApi {
    private static final Duration SUBSCRIBE_WAIT = Duration.ofSeconds(3);
    private static final String IDEMPOTENCY_HEADER = "Idempotency-Key";

    private final RestTransport transport;
    private final OkHttpClient eventsHttp;
    private final Set<RunEventSubscription> subscriptions = ConcurrentHashMap.newKeySet();

    /** How long a call may take; the event stream has no call timeout, only a read timeout. */
    public record Timeouts(Duration connect, Duration read, Duration write, Duration call, Duration eventsRead) {
        public static Timeouts defaults() {
            return new Timeouts(Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofSeconds(30),
                    Duration.ofSeconds(60), Duration.ofSeconds(60));
        }
    }

    private RestJobsApi(RestTransport transport, OkHttpClient eventsHttp) {
        this.transport = transport;
        this.eventsHttp = eventsHttp;
    }

    /**
     * A client for the server at {@code serverUrl} ({@code http://HOST:PORT}). Nothing is sent
     * yet: an unreachable server shows at the first call.
     *
     * @param token the bearer token, or null to send none
     */
    public static RestJobsApi connect(String serverUrl, String token) {
        return connect(serverUrl, token, Timeouts.defaults());
    }

    public static RestJobsApi connect(String serverUrl, String token, Timeouts timeouts) {
        String display = serverUrl == null ? "" : serverUrl.strip().replaceAll("/+$", "");
        HttpUrl base = HttpUrl.parse(display);
        if (base == null) {
            throw new JobsApiException(Code.INVALID_REQUEST,
                    "Not a server URL: '" + serverUrl + "' (use http://HOST:PORT)");
        }
        OkHttpClient http = new OkHttpClient.Builder()
                .connectTimeout(timeouts.connect())
                .readTimeout(timeouts.read())
                .writeTimeout(timeouts.write())
                .callTimeout(timeouts.call())
                .build();
        OkHttpClient eventsHttp = http.newBuilder()
                .readTimeout(timeouts.eventsRead())
                .callTimeout(Duration.ZERO)
                .build();
        return new RestJobsApi(new RestTransport(base, display, token, http), eventsHttp);
    }

    /** The server URL, without a trailing slash. */
    public String serverUrl() {
        return transport.display();
    }

    @Override
    public String describe() {
        return "REST " + transport.display();
    }

    @Override
    public CatalogView catalog() {
        return transport.get(transport.url().build(), CatalogView.class);
    }

    /**
     * The server's catalog as a document, for a face that shows catalogs: its JSON is the
     * catalog format, so it is read (and validated) like a catalog file.
     */
    public CatalogDocument catalogDocument() {
        try {
            String json = RestTransport.JSON.copy().setDefaultPropertyInclusion(JsonInclude.Include.NON_NULL)
                    .writeValueAsString(catalog());
            return CatalogReader.parse(json, describe());
        } catch (IOException e) {
            throw new JobsApiException(Code.SERVER_ERROR, "Cannot read the catalog of " + describe(), e);
        }
    }

    @Override
    public GroupsView groups() {
        return transport.get(transport.url("groups").build(), GroupsView.class);
    }

    @Override
    public PlanView plan(PlanRequest request) {
        HttpUrl.Builder url = transport.url("plan");
        switch (request.scope()) {
            case ALL -> url.addQueryParameter("all", "true");
            case GROUP -> url.addQueryParameter("group", request.group());
            case JOBS -> request.jobs().forEach(job -> url.addQueryParameter("job", job));
        }
        return transport.get(url.build(), PlanView.class);
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record EnqueueBody(String group, List<String> jobs, Map<String, Map<String, Object>> params,
                       String requestedBy) {
    }

    @Override
    public EnqueueResult enqueue(EnqueueRequest request) {
        PlanRequest selection = request.selection();
        String endpoint = switch (selection.scope()) {
            case ALL -> "enqueue-all";
            case GROUP -> "enqueue-group";
            case JOBS -> "enqueue";
        };
        EnqueueBody body = new EnqueueBody(selection.scope() == PlanScope.GROUP ? selection.group() : null,
                selection.scope() == PlanScope.JOBS ? selection.jobs() : null, request.params(),
                request.requestedBy());
        String key = request.idempotencyKey() == null ? UUID.randomUUID().toString() : request.idempotencyKey();
        HttpUrl url = transport.url(endpoint).build();
        Map<String, String> headers = Map.of(IDEMPOTENCY_HEADER, key);
        try {
            return transport.postOnce(url, body, headers, EnqueueResult.class);
        } catch (IOException firstAttempt) {
            // The server may have enqueued before the connection broke: the same key makes it
            // answer with that batch instead of a second one.
            return transport.post(url, body, headers, EnqueueResult.class);
        }
    }

    @Override
    public List<RunView> runs(RunFilter filter) {
        HttpUrl.Builder url = transport.url("runs");
        filter.states().forEach(state -> url.addQueryParameter("state", state));
        addIfPresent(url, "batch", filter.batchId());
        addIfPresent(url, "group", filter.group());
        addIfPresent(url, "after", filter.before());
        url.addQueryParameter("limit", Integer.toString(filter.limit()));
        return transport.get(url.build(), RunPage.class).runs();
    }

    @Override
    public RunDetail run(String runId, int logLines) {
        HttpUrl url = transport.url("runs", runId)
                .addQueryParameter("log", Integer.toString(Math.max(0, Math.min(logLines, RunFilter.MAX_LIMIT))))
                .build();
        return transport.get(url, RunDetail.class);
    }

    @Override
    public RunView cancel(String runId) {
        return transport.post(transport.url("runs", runId, "cancel").build(), null, Map.of(), RunView.class);
    }

    @Override
    public List<RunView> retry(String runId) {
        return transport.post(transport.url("runs", runId, "retry").build(), null, Map.of(), RunList.class).runs();
    }

    @Override
    public Map<String, Integer> counts() {
        return transport.get(transport.url("counts").build(),
                RestTransport.JSON.getTypeFactory().constructMapType(LinkedHashMap.class, String.class, Integer.class));
    }

    // Schedules: /api/admin/schedules

    record PauseBody(String reason, String pausedBy) {
    }

    record RunBody(String requestedBy) {
    }

    @Override
    public List<ScheduleView> schedules() {
        return transport.get(transport.admin("schedules").build(), ScheduleList.class).schedules();
    }

    @Override
    public ScheduleView schedule(String name, Instant from, int next) {
        HttpUrl.Builder url = transport.admin("schedules", name).addQueryParameter("next", Integer.toString(next));
        addIfPresent(url, "from", from == null ? null : from.toString());
        return transport.get(url.build(), ScheduleView.class);
    }

    /** A create refuses a taken name: asked with If-None-Match, as HTTP says a PUT that must not replace is. */
    @Override
    public ScheduleView createSchedule(Schedule schedule) {
        return transport.put(transport.admin("schedules", schedule.name().value()).build(),
                ScheduleWriter.fileEntry(schedule), ScheduleView.class, Map.of("If-None-Match", "*"));
    }

    @Override
    public ScheduleView putSchedule(Schedule schedule) {
        return transport.put(transport.admin("schedules", schedule.name().value()).build(),
                ScheduleWriter.fileEntry(schedule), ScheduleView.class, Map.of());
    }

    @Override
    public void removeSchedule(String name) {
        transport.delete(transport.admin("schedules", name).build());
    }

    @Override
    public ScheduleView pauseSchedule(String name, String by, String reason) {
        return transport.post(transport.admin("schedules", name, "pause").build(),
                new PauseBody(reason, by == null || by.isBlank() ? EnqueueRequest.localUser() : by), Map.of(),
                ScheduleView.class);
    }

    @Override
    public ScheduleView resumeSchedule(String name) {
        return transport.post(transport.admin("schedules", name, "resume").build(), null, Map.of(), ScheduleView.class);
    }

    @Override
    public FireView runSchedule(String name, String by) {
        return transport.post(transport.admin("schedules", name, "run").build(),
                new RunBody(by == null || by.isBlank() ? EnqueueRequest.localUser() : by), Map.of(), FireView.class);
    }

    @Override
    public List<FireView> scheduleFires(String name, int limit) {
        return transport.get(transport.admin("schedules", name, "fires")
                .addQueryParameter("limit", Integer.toString(limit)).build(), FireList.class).fires();
    }

    @Override
    public ProbeView testProbe(Schedule schedule) {
        return transport.post(transport.admin("schedules", schedule.name().value(), "probe").build(),
                ScheduleWriter.fileEntry(schedule), Map.of(), ProbeView.class);
    }

    @Override
    public RunChangePage changes(String position, String upTo, int limit) {
        HttpUrl.Builder url = transport.url("changes");
        addIfPresent(url, "after", position);
        addIfPresent(url, "upTo", upTo);
        url.addQueryParameter("limit", Integer.toString(limit));
        return transport.get(url.build(), RunChangePage.class);
    }

    /** Wakes on the server's run events (see {@link #subscribe}). */
    @Override
    public AutoCloseable onChange(Runnable wake) {
        return subscribe(runs -> wake.run());
    }

    /**
     * Follows the server's run events; returns once the stream has started (or after a few
     * seconds, when the server cannot be reached: it keeps trying in the background).
     */
    @Override
    public AutoCloseable subscribe(Consumer<List<RunView>> listener) {
        RunEventSubscription subscription = new RunEventSubscription(transport, eventsHttp, listener,
                () -> runs(RunFilter.latest(RunFilter.MAX_LIMIT)));
        subscriptions.add(subscription);
        subscription.start(SUBSCRIBE_WAIT);
        return () -> {
            subscriptions.remove(subscription);
            subscription.close();
        };
    }

    @Override
    public void close() {
        subscriptions.forEach(RunEventSubscription::close);
        subscriptions.clear();
        for (OkHttpClient client : List.of(transport.http(), eventsHttp)) {
            client.dispatcher().cancelAll();
            client.dispatcher().executorService().shutdown();
            client.connectionPool().evictAll();
        }
    }

    private static void addIfPresent(HttpUrl.Builder url, String name, String value) {
        if (value != null && !value.isBlank()) {
            url.addQueryParameter(name, value);
        }
    }
}
