package org.jobdeck.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.jobdeck.api.CatalogView;
import org.jobdeck.api.EnqueueRequest;
import org.jobdeck.api.EnqueueResult;
import org.jobdeck.api.FireView;
import org.jobdeck.api.GroupsView;
import org.jobdeck.api.JobsApi;
import org.jobdeck.api.PlanRequest;
import org.jobdeck.api.PlanView;
import org.jobdeck.api.ProbeView;
import org.jobdeck.api.RunChangePage;
import org.jobdeck.api.RunDetail;
import org.jobdeck.api.RunFilter;
import org.jobdeck.api.RunView;
import org.jobdeck.api.ScheduleView;
import org.jobdeck.core.schedule.Schedule;

/**
 * The real API, passed through: it only counts the run snapshots the subscription delivers to
 * the view model (on the feed's thread, before they are handed to the FX thread). Counting here
 * keeps one subscription, the monitor's own, instead of adding a second listener that would
 * double the feed's work.
 */
final class CountingJobsApi implements JobsApi {
    private final JobsApi api;
    private final boolean trace;
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong deliveries = new AtomicLong();
    private final List<String> traced = Collections.synchronizedList(new ArrayList<>());
    private final long origin = System.nanoTime();

    CountingJobsApi(JobsApi api, boolean trace) {
        this.api = api;
        this.trace = trace;
    }

    /** Run snapshots delivered so far. */
    long delivered() {
        return delivered.get();
    }

    /** Batches delivered so far. */
    long deliveries() {
        return deliveries.get();
    }

    List<String> traced() {
        synchronized (traced) {
            return List.copyOf(traced);
        }
    }

    @Override
    public List<ScheduleView> schedules() {
        return api.schedules();
    }

    @Override
    public ScheduleView schedule(String name, Instant from, int next) {
        return api.schedule(name, from, next);
    }

    @Override
    public ScheduleView createSchedule(Schedule schedule) {
        return api.createSchedule(schedule);
    }

    @Override
    public ScheduleView putSchedule(Schedule schedule) {
        return api.putSchedule(schedule);
    }

    @Override
    public void removeSchedule(String name) {
        api.removeSchedule(name);
    }

    @Override
    public ScheduleView pauseSchedule(String name, String by, String reason) {
        return api.pauseSchedule(name, by, reason);
    }

    @Override
    public ScheduleView resumeSchedule(String name) {
        return api.resumeSchedule(name);
    }

    @Override
    public FireView runSchedule(String name, String by) {
        return api.runSchedule(name, by);
    }

    @Override
    public List<FireView> scheduleFires(String name, int limit) {
        return api.scheduleFires(name, limit);
    }

    @Override
    public ProbeView testProbe(Schedule schedule) {
        return api.testProbe(schedule);
    }

    @Override
    public RunChangePage changes(String position, String upTo, int limit) {
        return api.changes(position, upTo, limit);
    }

    @Override
    public AutoCloseable onChange(Runnable wake) {
        return api.onChange(wake);
    }

    @Override
    public AutoCloseable subscribe(Consumer<List<RunView>> listener) {
        return api.subscribe(views -> {
            delivered.addAndGet(views.size());
            deliveries.incrementAndGet();
            if (trace) {
                traced.add(String.format(Locale.ROOT, "%.1fs:%d", (System.nanoTime() - origin) / 1e9, views.size()));
            }
            listener.accept(views);
        });
    }

    @Override
    public String describe() {
        return api.describe();
    }

    @Override
    public CatalogView catalog() {
        return api.catalog();
    }

    @Override
    public GroupsView groups() {
        return api.groups();
    }

    @Override
    public PlanView plan(PlanRequest request) {
        return api.plan(request);
    }

    @Override
    public EnqueueResult enqueue(EnqueueRequest request) {
        return api.enqueue(request);
    }

    @Override
    public List<RunView> runs(RunFilter filter) {
        return api.runs(filter);
    }

    @Override
    public RunDetail run(String runId, int logLines) {
        return api.run(runId, logLines);
    }

    @Override
    public RunView cancel(String runId) {
        return api.cancel(runId);
    }

    @Override
    public List<RunView> retry(String runId) {
        return api.retry(runId);
    }

    @Override
    public Map<String, Integer> counts() {
        return api.counts();
    }

    @Override
    public void close() {
        // the benchmark closes the real API itself
    }
}
