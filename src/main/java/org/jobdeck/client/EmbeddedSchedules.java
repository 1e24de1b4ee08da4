package org.jobdeck.client;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jobdeck.api.FireView;
import org.jobdeck.api.JobsApiException;
import org.jobdeck.api.ProbeView;
import org.jobdeck.api.ScheduleView;
import org.jobdeck.core.schedule.DstNote;
import org.jobdeck.core.schedule.FireTime;
import org.jobdeck.core.schedule.Schedule;
import org.jobdeck.queue.ScheduleFire;
import org.jobdeck.queue.schedule.ScheduleBook;
import org.jobdeck.queue.schedule.Scheduler;
import org.jobdeck.queue.store.ScheduleFiring;
import org.jobdeck.queue.store.StoredSchedule;

/**
 * The schedule half of {@link EmbeddedJobsApi}: a {@link ScheduleBook} over the store, its
 * {@link Scheduler} when this process fires schedules, and the views the faces see.
 */
final class EmbeddedSchedules implements AutoCloseable {
    static final int LISTED_FIRE_TIMES = 5;

    private final ScheduleBook book;
    private Scheduler scheduler;

    EmbeddedSchedules(ScheduleBook book) {
        this.book = book;
    }

    /** Starts firing schedules in this process (serve, worker, the console with workers). */
    synchronized void startScheduler() {
        if (scheduler == null) {
            scheduler = new Scheduler(book).start();
        }
    }

    List<ScheduleView> all() {
        Instant now = Instant.ofEpochMilli(book.now());
        return book.all().stream().map(stored -> view(stored, now, LISTED_FIRE_TIMES)).toList();
    }

    ScheduleView show(String name, Instant from, int next) {
        if (next < 0 || next > 1_000) {
            throw new JobsApiException(JobsApiException.Code.INVALID_REQUEST, "next must be 0 to 1000, got " + next);
        }
        return view(book.require(name), from == null ? Instant.ofEpochMilli(book.now()) : from, next);
    }

    ScheduleView create(Schedule schedule) {
        return view(book.create(schedule));
    }

    ScheduleView put(Schedule schedule) {
        return view(book.save(schedule));
    }

    void remove(String name) {
        book.remove(name);
    }

    ScheduleView pause(String name, String by, String reason) {
        return view(book.pause(name, by, reason));
    }

    ScheduleView resume(String name) {
        return view(book.resume(name));
    }

    FireView run(String name, String by) {
        Optional<ScheduleFire> fire = book.runNow(name, by);
        return fire.map(EmbeddedSchedules::fire).orElseThrow(() -> new JobsApiException(
                JobsApiException.Code.INVALID_STATE, "Schedule " + name + " fired at this very moment already"));
    }

    List<FireView> fires(String name, int limit) {
        if (limit < 1 || limit > 10_000) {
            throw new JobsApiException(JobsApiException.Code.INVALID_REQUEST, "limit must be 1 to 10000, got " + limit);
        }
        return book.fires(name, limit).stream().map(EmbeddedSchedules::fire).toList();
    }

    ProbeView probe(Schedule schedule) {
        ScheduleFiring.ProbeResult result = book.testProbe(schedule);
        return new ProbeView(result.fingerprint(), result.error());
    }

    private ScheduleView view(StoredSchedule stored) {
        return view(stored, Instant.ofEpochMilli(book.now()), LISTED_FIRE_TIMES);
    }

    private ScheduleView view(StoredSchedule stored, Instant from, int next) {
        Schedule schedule = stored.schedule();
        List<FireTime> times = schedule.calendar().next(from, next);
        FireView last = book.fires(schedule.name().value(), 1).stream().findFirst().map(EmbeddedSchedules::fire)
                .orElse(null);
        List<String> notes = DstNote.of(schedule.calendar(), times).stream().map(DstNote::text).toList();
        return ScheduleView.of(schedule, times.stream().map(time -> time.at().toOffsetDateTime().toString()).toList(),
                last, notes);
    }

    static FireView fire(ScheduleFire fire) {
        return new FireView(fire.slot().toString(), fire.firedAt() == null ? null : fire.firedAt().toString(),
                fire.outcome().wireName(), fire.batchId(), fire.reason(), fire.slotCount() > 1 ? fire.slotCount() : null,
                fire.lastSlot() == null ? null : fire.lastSlot().toString(), fire.manual() ? Boolean.TRUE : null);
    }

    @Override
    public synchronized void close() {
        if (scheduler != null) {
            scheduler.close();
        }
    }
}
