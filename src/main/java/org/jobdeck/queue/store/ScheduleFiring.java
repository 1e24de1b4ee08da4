package org.jobdeck.queue.store;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jobdeck.core.schedule.OverlapPolicy;
import org.jobdeck.queue.FireOutcome;
import org.jobdeck.queue.Run;
import org.jobdeck.queue.RunState;
import org.jobdeck.queue.ScheduleFire;

/**
 * Fires one slot of a schedule, in one transaction: the fire record is inserted first, keyed by
 * (schedule, slot), so that of any number of processes firing the slot at once exactly one goes on
 * (the others find the record and stop); then the overlap policy, the only-if-changed result and
 * the batch itself, all in the same transaction. A process killed mid-fire leaves the fire and its
 * batch, or neither.
 */
public final class ScheduleFiring {
    private final StoreContext store;
    private final BatchWriter batches;
    private final ScheduleStore schedules;

    ScheduleFiring(StoreContext store, BatchWriter batches, ScheduleStore schedules) {
        this.store = store;
        this.batches = batches;
        this.schedules = schedules;
    }

    /**
     * What to fire.
     *
     * @param slot     the slot's instant; for a run by hand, the moment it was asked for
     * @param probe    the only-if-changed probe's result, taken just before; null when there is no probe
     * @param batch    the batch to enqueue (its origin says schedule or manual)
     */
    public record Attempt(String schedule, Instant slot, boolean manual, OverlapPolicy overlap, ProbeResult probe,
                          NewBatch batch) {
    }

    /** A probe's result: its fingerprint, or why it failed. */
    public record ProbeResult(String fingerprint, String error) {
        public static ProbeResult of(String fingerprint) {
            return new ProbeResult(fingerprint, null);
        }

        public static ProbeResult failed(String error) {
            return new ProbeResult(null, error);
        }
    }

    /**
     * @return the slot's fire record as this call left it, or empty when another process had
     *         recorded the slot first
     */
    public Optional<ScheduleFire> fire(Attempt attempt) {
        List<String> cancelled = new ArrayList<>();
        boolean fired = store.change(writing -> {
            // The schedule's row first: firers of one schedule take turns, and a pause or a removal
            // committed by another process is seen here.
            StoredSchedule stored = ScheduleStore.lock(writing, attempt.schedule()).orElse(null);
            if (stored == null || stored.schedule().isPaused() && !attempt.manual()) {
                return false;
            }
            ScheduleFire claim = new ScheduleFire(attempt.schedule(), attempt.slot(), null, FireOutcome.ENQUEUED, null,
                    null, 1, null, attempt.manual());
            if (!schedules.insertIfAbsent(writing, claim)) {
                return false;
            }
            decide(writing, attempt, stored, cancelled);
            return true;
        });
        cancelled.forEach(store.signals::cancelRequested);
        if (!fired) {
            return Optional.empty();
        }
        return schedules.fires(attempt.schedule(), 50).stream()
                .filter(fire -> fire.slot().equals(attempt.slot())).findFirst();
    }

    private void decide(Writing writing, Attempt attempt, StoredSchedule stored, List<String> cancelled)
            throws SQLException {
        String name = attempt.schedule();
        if (attempt.probe() != null && attempt.probe().error() != null) {
            schedules.complete(writing, name, attempt.slot(), FireOutcome.FAILED, null,
                    "probe failed: " + attempt.probe().error());
            return;
        }
        Long previous = previousBatch(writing, name);
        List<Run> unfinished = previous == null ? List.of() : unfinished(writing, previous);
        if (!unfinished.isEmpty() && attempt.overlap() == OverlapPolicy.SKIP) {
            schedules.complete(writing, name, attempt.slot(), FireOutcome.SKIPPED, null,
                    "previous batch " + previous + " still active");
            return;
        }
        if (attempt.probe() != null && stored.lastFingerprint() != null
                && stored.lastFingerprint().equals(attempt.probe().fingerprint())) {
            schedules.complete(writing, name, attempt.slot(), FireOutcome.SKIPPED, null,
                    "unchanged since batch " + stored.fingerprintBatch());
            return;
        }
        if (!unfinished.isEmpty() && attempt.overlap() == OverlapPolicy.CANCEL_PREVIOUS) {
            for (Run run : unfinished) {
                if (OperatorCommands.cancelIn(writing, run, "cancelled: schedule " + name + " fired again")) {
                    cancelled.add(run.id());
                }
            }
        }
        long batch = batches.insert(writing, attempt.batch(), null);
        schedules.complete(writing, name, attempt.slot(), FireOutcome.ENQUEUED, batch, null);
        if (attempt.probe() != null) {
            schedules.fingerprint(writing, name, attempt.probe().fingerprint(), batch);
        }
    }

    /** The schedule's newest batch, whatever started it (a slot or a run by hand). */
    private static Long previousBatch(Writing writing, String name) throws SQLException {
        List<Long> ids = Sql.longs(writing.connection(), "SELECT id FROM jd_batch WHERE origin_schedule = ?"
                + " ORDER BY id DESC LIMIT 1", name);
        return ids.isEmpty() ? null : ids.get(0);
    }

    private static List<Run> unfinished(Writing writing, long batch) throws SQLException {
        return RunReader.select(writing.connection(), "SELECT " + RunReader.COLUMNS + " FROM jd_run WHERE batch_id = ?"
                + " AND state IN (" + RunState.sqlList(Set.of(RunState.WAITING, RunState.QUEUED,
                RunState.RUNNING)) + ") ORDER BY id", batch);
    }

}
