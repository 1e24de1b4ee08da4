package org.jobdeck.queue.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jobdeck.core.catalog.JobCatalog;
import org.jobdeck.core.plan.DependencyResolver;
import org.jobdeck.core.plan.Plan;
import org.jobdeck.core.schedule.DueSlots;
import org.jobdeck.core.schedule.FireTime;
import org.jobdeck.core.schedule.Pause;
import org.jobdeck.core.schedule.Schedule;
import org.jobdeck.queue.BatchOrigin;
import org.jobdeck.queue.Enqueuer;
import org.jobdeck.queue.ScheduleFire;
import org.jobdeck.queue.store.RunStore;
import org.jobdeck.queue.store.ScheduleFiring;
import org.jobdeck.queue.store.ScheduleStore;
import org.jobdeck.queue.store.StoredSchedule;

/**
 * A backend's schedules: checked against its catalog as an enqueue is, stored, paused and
 * resumed, and fired, by the {@link Scheduler} at their slots or by hand. Every change tells the
 * scheduler of this process at once; other processes see it at their next look.
 */
public final class ScheduleBook {
    private final RunStore store;
    private final ScheduleStore schedules;
    private final DependencyResolver resolver;
    private final Enqueuer enqueuer;
    private static final String MISSED = "no Jobdeck process was running at this slot";

    private final ProbeRunner probes;
    private volatile Runnable onChange = () -> { };

    public ScheduleBook(RunStore store, JobCatalog catalog) {
        this.store = store;
        this.schedules = store.schedules();
        this.resolver = new DependencyResolver(catalog);
        this.enqueuer = new Enqueuer(catalog, store);
        this.probes = new ProbeRunner(schedules);
    }

    void onChange(Runnable listener) {
        this.onChange = listener;
    }

    /**
     * The schedule, if its target resolves in this catalog and its params are ones an enqueue
     * would take.
     *
     * @throws org.jobdeck.core.catalog.CatalogException (unknown group or job, invalid params)
     */
    public Schedule check(Schedule schedule) {
        enqueuer.batch(plan(schedule), schedule.target().params(), "check", BatchOrigin.ENQUEUE);
        return schedule;
    }

    public List<StoredSchedule> all() {
        return schedules.all();
    }

    public StoredSchedule require(String name) {
        return schedules.require(name);
    }

    public StoredSchedule create(Schedule schedule) {
        return changed(schedules.create(check(schedule)));
    }

    public StoredSchedule save(Schedule schedule) {
        return changed(schedules.save(check(schedule)));
    }

    public void remove(String name) {
        schedules.remove(name);
        onChange.run();
    }

    public StoredSchedule pause(String name, String by, String reason) {
        Instant now = Instant.ofEpochMilli(store.now());
        return changed(schedules.update(name, schedule -> schedule.paused(new Pause(by, now, reason))));
    }

    public StoredSchedule resume(String name) {
        return changed(schedules.update(name, Schedule::resumed));
    }

    public List<ScheduleFire> fires(String name, int limit) {
        schedules.require(name);
        return schedules.fires(name, limit);
    }

    /** Fires a schedule now, by hand, through the same path as its slots: its probe and overlap apply. */
    public Optional<ScheduleFire> runNow(String name, String by) {
        StoredSchedule stored = schedules.require(name);
        return fire(stored.schedule(), Instant.ofEpochMilli(store.now()), true, by);
    }

    /** What a probe gives now (the editor's "Test probe"). */
    public ScheduleFiring.ProbeResult testProbe(Schedule schedule) {
        return schedule.condition() == null ? ScheduleFiring.ProbeResult.failed("the schedule has no probe")
                : probes.run(schedule.condition());
    }

    /**
     * Fires one slot: resolves the target again (the catalog may have changed since the schedule
     * was saved), runs the probe, and hands the attempt to the store, whose transaction decides.
     */
    Optional<ScheduleFire> fire(Schedule schedule, Instant slot, boolean manual, String by) {
        String name = schedule.name().value();
        ScheduleFiring.Attempt attempt;
        try {
            BatchOrigin origin = manual ? BatchOrigin.manual(name) : BatchOrigin.schedule(name, slot);
            attempt = new ScheduleFiring.Attempt(name, slot, manual, schedule.overlap(),
                    schedule.condition() == null ? null : probes.run(schedule.condition()),
                    enqueuer.batch(plan(schedule), schedule.target().params(),
                            manual ? by : "schedule " + name, origin));
        } catch (RuntimeException cannotEnqueue) {
            schedules.recordFailed(name, slot, manual, cannotEnqueue.getMessage());
            return schedules.fires(name, 20).stream().filter(fire -> fire.slot().equals(slot)).findFirst();
        }
        return schedules.firing().fire(attempt);
    }

    /**
     * Looks at every schedule once, as the scheduler does at a slot: records the slots missed
     * since its last record (or since it was created, resumed or redefined) and fires the one
     * that is due. For tests and tools that drive time themselves.
     */
    public void attendAll() {
        Map<String, Instant> lastSlots = schedules.lastSlots();
        Instant now = Instant.ofEpochMilli(now());
        for (StoredSchedule stored : schedules.all()) {
            if (!stored.schedule().isPaused()) {
                Instant last = lastSlots.getOrDefault(stored.schedule().name().value(), stored.since());
                attend(stored, last.isAfter(stored.since()) ? last : stored.since(), now);
            }
        }
    }

    /** What one look at a schedule left: where its records end now, and when to look again. */
    record Attended(Instant lastRecorded, Instant nextLook) {
    }

    /** Records what was missed since {@code lastRecorded} and fires what is due at {@code now}. */
    Attended attend(StoredSchedule stored, Instant lastRecorded, Instant now) {
        String name = stored.schedule().name().value();
        DueSlots due = stored.schedule().dueSlots(lastRecorded, now, Scheduler.LATENESS);
        Instant last = lastRecorded;
        if (!due.missed().isEmpty() || due.older().isPresent()) {
            List<Instant> slots = due.missed().stream().map(FireTime::instant).toList();
            schedules.recordMissed(name, slots, due.older().map(DueSlots.MissedRange::first).orElse(null),
                    due.older().map(DueSlots.MissedRange::last).orElse(null),
                    due.older().map(DueSlots.MissedRange::count).orElse(0L), MISSED);
            if (!slots.isEmpty()) {
                last = slots.get(slots.size() - 1);
            }
        }
        if (due.fire().isPresent()) {
            Instant slot = due.fire().get().slot().instant();
            fire(stored.schedule(), slot, false, null);
            last = slot;
        }
        return new Attended(last, due.next().map(FireTime::instant).orElse(now.plus(Duration.ofDays(366))));
    }

    private Plan plan(Schedule schedule) {
        return schedule.target().resolve(resolver);
    }

    ScheduleStore store() {
        return schedules;
    }

    public long now() {
        return store.now();
    }

    private StoredSchedule changed(StoredSchedule stored) {
        onChange.run();
        return stored;
    }
}
