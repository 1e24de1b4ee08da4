package org.jobdeck.bench;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jobdeck.queue.Run;
import org.jobdeck.queue.store.RunStore;

/**
 * Makes run changes at a steady rate through the real store, as a worker pool does: it claims
 * queued runs ({@link RunStore#claim}) and records their successes in group commits
 * ({@link RunStore#succeedAll}, as the pool's SuccessRecorder does). Each claim and each success
 * counts as one change (a success also queues the downstream runs it released: those changes
 * come on top and are not counted). Every {@value #TICK_MILLIS} ms it makes the changes the
 * schedule owes by then (rate x elapsed time - changes made), so a late tick catches up instead
 * of lowering the rate; at most {@value #MAX_PER_TICK} changes per tick. It completes the runs
 * claimed at the previous tick, then claims, so a claimed run stays running one tick. It works
 * through the newest batch first, then older ones, so it changes runs the monitor shows.
 */
final class ChangeDriver implements AutoCloseable {
    static final long TICK_MILLIS = 10;
    static final int MAX_PER_TICK = 40;
    private static final String WORKER = "bench-driver";
    private static final long LEASE_MILLIS = 600_000;

    private final RunStore store;
    private final Deque<String> batches;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "change-driver");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicLong changes = new AtomicLong();
    private final AtomicLong slowTicks = new AtomicLong();
    private final boolean completeAtOnce;
    private final List<Run> claimed = new ArrayList<>();
    private volatile int rate;
    private long started;

    /**
     * @param batchIds       oldest first
     * @param completeAtOnce complete each run in the tick that claimed it, so no run stays
     *                       running (and no indeterminate progress bar animates) between ticks
     */
    ChangeDriver(RunStore store, List<String> batchIds, boolean completeAtOnce) {
        this.store = store;
        this.batches = new ArrayDeque<>(batchIds);
        this.completeAtOnce = completeAtOnce;
    }

    /** Starts making {@code changesPerSecond} changes a second. */
    void start(int changesPerSecond) {
        rate = changesPerSecond;
        started = System.nanoTime();
        ticker.scheduleAtFixedRate(this::tick, 0, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void tick() {
        long tickStart = System.nanoTime();
        try {
            long owed = Math.min(MAX_PER_TICK, Math.round(rate * (tickStart - started) / 1e9) - changes.get());
            if (owed <= 0) {
                return;
            }
            owed -= completeClaimed();
            while (owed > 0 && !batches.isEmpty()) {
                List<Run> next = store.leases().claim(WORKER, (int) owed, LEASE_MILLIS, batches.peekLast());
                if (next.isEmpty()) {
                    batches.pollLast(); // nothing queued in this batch any more
                    continue;
                }
                claimed.addAll(next);
                changes.addAndGet(next.size());
                owed -= next.size();
                if (completeAtOnce) {
                    owed -= completeClaimed();
                }
            }
        } catch (RuntimeException e) {
            System.err.println("change driver: " + e);
        }
        if (System.nanoTime() - tickStart > TICK_MILLIS * 1_000_000) {
            slowTicks.incrementAndGet();
        }
    }

    private int completeClaimed() {
        if (claimed.isEmpty()) {
            return 0;
        }
        int done = store.leases().succeedAll(List.copyOf(claimed), WORKER).size();
        claimed.clear();
        changes.addAndGet(done);
        return done;
    }

    /** Store changes made so far (each claim and each success counts one). */
    long changes() {
        return changes.get();
    }

    /** Ticks that took longer than their period (the store, or the machine, was slow). */
    long slowTicks() {
        return slowTicks.get();
    }

    @Override
    public void close() {
        ticker.shutdown();
        try {
            ticker.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
