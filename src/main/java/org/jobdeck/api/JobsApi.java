package org.jobdeck.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jobdeck.core.schedule.Schedule;

/**
 * The one port the console and the CLI talk to. The embedded backend (queue on H2 or
 * PostgreSQL, in-process workers) and the REST client implement it alike, so a face behaves
 * the same against both. Every method may block on I/O: call it off the UI thread. Errors are
 * {@link JobsApiException}s.
 */
public interface JobsApi extends AutoCloseable {
    /** What this backend is, for a status bar: "embedded H2 at …", "REST http://…". */
    String describe();

    CatalogView catalog();

    GroupsView groups();

    PlanView plan(PlanRequest request);

    EnqueueResult enqueue(EnqueueRequest request);

    List<RunView> runs(RunFilter filter);

    /** A run with the newest {@code logLines} lines of its log. */
    RunDetail run(String runId, int logLines);

    /** Cancels a run: at once if it has not started, else by asking its handler to stop. */
    RunView cancel(String runId);

    /** Retries a failed or cancelled run; returns it and the downstream runs it unblocked. */
    List<RunView> retry(String runId);

    /** Runs per state, every state present (0 when none). */
    Map<String, Integer> counts();

    /** The most changes one {@link #changes} call returns. */
    int MAX_CHANGES = 10_000;

    /**
     * The run changes committed after {@code position}, in commit order, each run as it is now,
     * at most {@code limit} (1 to {@link #MAX_CHANGES}). With a null position: no runs, and the
     * position after every change so far (where a reader of new changes starts).
     *
     * @throws JobsApiException INVALID_REQUEST for a position this backend never gave out
     */
    default RunChangePage changes(String position, int limit) {
        return changes(position, null, limit);
    }

    /**
     * As {@link #changes(String, int)}, only up to {@code upTo}, a position given out earlier (null
     * for now): a reader catching up with another reader's position reads exactly what lies
     * between the two.
     */
    RunChangePage changes(String position, String upTo, int limit);

    /**
     * Calls {@code wake} (on some background thread) when runs may have changed: a prompt to read
     * {@link #changes}, not a description. Closing the returned handle stops it.
     */
    AutoCloseable onChange(Runnable wake);

    /** Every schedule, by name, with its next fire times and last fire. */
    List<ScheduleView> schedules();

    /**
     * One schedule with its next {@code next} fire times after {@code from} (null: now), and the
     * DST rule in words where it applies to them.
     */
    ScheduleView schedule(String name, Instant from, int next);

    /**
     * Creates a schedule; its target and params are checked as an enqueue checks them.
     *
     * @throws JobsApiException INVALID_REQUEST when the name is taken
     */
    ScheduleView createSchedule(Schedule schedule);

    /** Creates a schedule or replaces it (REST PUT; {@code schedule apply}). */
    ScheduleView putSchedule(Schedule schedule);

    void removeSchedule(String name);

    /** Pauses a schedule, storing who, when and why; a paused schedule fires no slot. */
    ScheduleView pauseSchedule(String name, String by, String reason);

    /** Resumes a schedule: its next slot fires; slots missed while paused are not caught up. */
    ScheduleView resumeSchedule(String name);

    /** Fires a schedule now, through the same path as its slots, as origin manual. */
    FireView runSchedule(String name, String by);

    /** A schedule's fire records, newest first. */
    List<FireView> scheduleFires(String name, int limit);

    /** What the schedule's only-if-changed probe gives now, without firing anything. */
    ProbeView testProbe(Schedule schedule);

    /**
     * Run changes as they happen, in batches, on a background thread. Closing the returned
     * handle stops them.
     */
    AutoCloseable subscribe(Consumer<List<RunView>> listener);

    @Override
    void close();
}
