package org.jobdeck.client;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jobdeck.api.CatalogView;
import org.jobdeck.api.EnqueueRequest;
import org.jobdeck.api.EnqueueResult;
import org.jobdeck.api.FireView;
import org.jobdeck.api.GroupsView;
import org.jobdeck.api.JobsApi;
import org.jobdeck.api.JobsApiException;
import org.jobdeck.api.PlanRequest;
import org.jobdeck.api.PlanView;
import org.jobdeck.api.ProbeView;
import org.jobdeck.api.RunChangePage;
import org.jobdeck.api.RunDetail;
import org.jobdeck.api.RunFilter;
import org.jobdeck.api.RunView;
import org.jobdeck.api.ScheduleView;
import org.jobdeck.core.catalog.JobCatalog;
import org.jobdeck.core.plan.DependencyResolver;
import org.jobdeck.core.plan.Plan;
import org.jobdeck.core.plan.PlanScope;
import org.jobdeck.core.schedule.Schedule;
import org.jobdeck.queue.Batch;
import org.jobdeck.queue.Enqueuer;
import org.jobdeck.queue.IdempotencyKey;
import org.jobdeck.queue.Run;
import org.jobdeck.queue.RunState;
import org.jobdeck.queue.UnknownRunException;
import org.jobdeck.queue.handler.HandlerRegistry;
import org.jobdeck.queue.schedule.ScheduleBook;
import org.jobdeck.queue.store.ChangePage;
import org.jobdeck.queue.store.Database;
import org.jobdeck.queue.store.DatabaseUrl;
import org.jobdeck.queue.store.RunFeed;
import org.jobdeck.queue.store.RunQuery;
import org.jobdeck.queue.store.RunStore;
import org.jobdeck.queue.worker.WorkerPool;
import org.jobdeck.queue.worker.WorkerSettings;

/**
 * {@link JobsApi} over the queue in this process: the catalog and resolver, a {@link RunStore}
 * on H2 or PostgreSQL, optionally a {@link WorkerPool}, and a {@link RunFeed} for subscriptions.
 */
public final class EmbeddedJobsApi implements JobsApi {
    private final JobCatalog catalog;
    private final DependencyResolver resolver;
    private final Database database;
    private final RunStore store;
    private final Enqueuer enqueuer;
    private final RunFeed feed;
    private final EmbeddedSchedules schedules;
    private final RunViews views;
    private final WorkerPool workers;
    private final HandlerRegistry handlers;
    private final List<Runnable> wakes = new CopyOnWriteArrayList<>();

    private EmbeddedJobsApi(JobCatalog catalog, Database database, HandlerRegistry handlers,
                            WorkerSettings workerSettings) {
        this.catalog = catalog;
        this.handlers = handlers;
        this.resolver = new DependencyResolver(catalog);
        this.database = database;
        this.store = new RunStore(database);
        store.reads().onChange(() -> wakes.forEach(Runnable::run));
        this.enqueuer = new Enqueuer(catalog, store);
        this.feed = new RunFeed(store, 500);
        this.schedules = new EmbeddedSchedules(new ScheduleBook(store, catalog));
        this.views = new RunViews(store);
        this.workers = workerSettings == null ? null
                : new WorkerPool(store, catalog, handlers, workerSettings).start();
    }

    /**
     * Opens the database (migrating it) and, when {@code workers} is given, starts a worker pool.
     *
     * @param workers null for no in-process workers
     */
    public static EmbeddedJobsApi open(JobCatalog catalog, DatabaseUrl url, HandlerRegistry handlers,
                                       WorkerSettings workers) {
        return open(catalog, url, database -> handlers, workers);
    }

    /**
     * As above, for handlers that need the opened database (the demo jobs read and write it).
     */
    public static EmbeddedJobsApi open(JobCatalog catalog, DatabaseUrl url,
                                       Function<Database, HandlerRegistry> handlers,
                                       WorkerSettings workers) {
        Database database = guard(() -> Database.open(url));
        try {
            return new EmbeddedJobsApi(catalog, database, handlers.apply(database), workers);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    public RunStore store() {
        return store;
    }

    /** The handlers this backend's workers use; a pool started later should use them too. */
    public HandlerRegistry handlers() {
        return handlers;
    }

    public JobCatalog jobCatalog() {
        return catalog;
    }

    public Optional<WorkerPool> workers() {
        return Optional.ofNullable(workers);
    }

    @Override
    public String describe() {
        return "embedded " + database.dialect().name() + " at " + database.url().display();
    }

    @Override
    public CatalogView catalog() {
        return CatalogView.of(catalog);
    }

    @Override
    public GroupsView groups() {
        return GroupsView.of(resolver.groupSummaries());
    }

    @Override
    public PlanView plan(PlanRequest request) {
        return guard(() -> PlanView.of(resolve(request)));
    }

    /** Resolves a request (checked when it was made) with the built-in resolver. */
    public Plan resolve(PlanRequest request) {
        return switch (request.scope()) {
            case ALL -> resolver.resolveAll();
            case GROUP -> resolver.resolveGroup(request.group());
            case JOBS -> resolver.resolveJobs(request.jobs());
        };
    }

    @Override
    public EnqueueResult enqueue(EnqueueRequest request) {
        return guard(() -> {
            Plan plan = resolve(request.selection());
            IdempotencyKey key = request.idempotencyKey() == null ? null
                    : new IdempotencyKey(request.idempotencyKey(), request.fingerprint());
            Batch batch = enqueuer.enqueue(plan, request.params(), request.requestedBy(), key);
            return result(batch);
        });
    }

    static EnqueueResult result(Batch batch) {
        String group = PlanScope.GROUP.wireName().equals(batch.scope()) ? batch.scopeValue() : null;
        return new EnqueueResult("enqueued", group, batch.runs().size(), batch.id(), batch.runs().stream()
                .map(run -> new EnqueueResult.EnqueuedJob(run.jobName(), run.id(), run.group()))
                .toList());
    }

    @Override
    public List<RunView> runs(RunFilter filter) {
        return guard(() -> {
            Set<RunState> states = filter.states().stream().map(RunState::parse).collect(Collectors.toSet());
            List<Run> runs = store.reads().query(new RunQuery(states, filter.batchId(), filter.group(),
                    filter.before(), filter.limit()));
            return views.of(runs);
        });
    }

    @Override
    public RunDetail run(String runId, int logLines) {
        return guard(() -> {
            Run run = store.reads().find(runId).orElseThrow(() -> new UnknownRunException(runId));
            List<RunDetail.LogLine> log = store.log().tail(runId, logLines).stream()
                    .map(line -> new RunDetail.LogLine(line.seq(), RunViews.instant(line.at()), line.text()))
                    .toList();
            return new RunDetail(views.of(run), log);
        });
    }

    @Override
    public RunView cancel(String runId) {
        return guard(() -> views.of(store.commands().cancel(runId)));
    }

    @Override
    public List<RunView> retry(String runId) {
        return guard(() -> views.of(store.commands().retry(runId)));
    }

    @Override
    public Map<String, Integer> counts() {
        return guard(() -> {
            Map<String, Integer> counts = new LinkedHashMap<>();
            store.reads().countByState().forEach((state, count) -> counts.put(state.wireName(), count));
            return counts;
        });
    }

    /** Stored runs as the faces see them, "why" included (the REST server's event stream). */
    public List<RunView> views(List<Run> runs) {
        return guard(() -> views.of(runs));
    }

    /**
     * Fires this backend's schedules from now on, in this process (serve, worker, the console
     * with workers); other processes on the same database may too: each slot fires once.
     */
    public void startScheduler() {
        schedules.startScheduler();
    }

    @Override
    public List<ScheduleView> schedules() {
        return guard(schedules::all);
    }

    @Override
    public ScheduleView schedule(String name, Instant from, int next) {
        return guard(() -> schedules.show(name, from, next));
    }

    @Override
    public ScheduleView createSchedule(Schedule schedule) {
        return guard(() -> schedules.create(schedule));
    }

    @Override
    public ScheduleView putSchedule(Schedule schedule) {
        return guard(() -> schedules.put(schedule));
    }

    @Override
    public void removeSchedule(String name) {
        guard(() -> {
            schedules.remove(name);
            return null;
        });
    }

    @Override
    public ScheduleView pauseSchedule(String name, String by, String reason) {
        return guard(() -> schedules.pause(name, by == null || by.isBlank() ? EnqueueRequest.localUser() : by, reason));
    }

    @Override
    public ScheduleView resumeSchedule(String name) {
        return guard(() -> schedules.resume(name));
    }

    @Override
    public FireView runSchedule(String name, String by) {
        return guard(() -> schedules.run(name, by == null || by.isBlank() ? EnqueueRequest.localUser() : by));
    }

    @Override
    public List<FireView> scheduleFires(String name, int limit) {
        return guard(() -> schedules.fires(name, limit));
    }

    @Override
    public ProbeView testProbe(Schedule schedule) {
        return guard(() -> schedules.probe(schedule));
    }

    @Override
    public RunChangePage changes(String position, String upTo, int limit) {
        if (limit < 1 || limit > MAX_CHANGES) {
            throw new JobsApiException(JobsApiException.Code.INVALID_REQUEST,
                    "limit must be between 1 and " + MAX_CHANGES + ", got " + limit);
        }
        return guard(() -> {
            if (position == null) {
                return new RunChangePage(List.of(), store.reads().head(), false);
            }
            ChangePage page = store.reads().changes(position, upTo, limit);
            return new RunChangePage(views.of(page.runs()), page.position(), page.more());
        });
    }

    @Override
    public AutoCloseable onChange(Runnable wake) {
        wakes.add(wake);
        return () -> wakes.remove(wake);
    }

    @Override
    public AutoCloseable subscribe(Consumer<List<RunView>> listener) {
        return feed.subscribe(runs -> listener.accept(views.of(runs)));
    }

    @Override
    public void close() {
        schedules.close();
        feed.close();
        if (workers != null) {
            workers.close();
        }
        database.close();
    }

    /** Runs an operation, turning the layers' own errors into {@link JobsApiException}s. */
    static <T> T guard(Supplier<T> operation) {
        try {
            return operation.get();
        } catch (RuntimeException e) {
            throw ApiErrors.translate(e);
        }
    }
}
