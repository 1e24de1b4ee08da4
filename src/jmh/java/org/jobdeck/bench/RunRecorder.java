package org.jobdeck.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jobdeck.core.catalog.JobCatalog;
import org.jobdeck.queue.RunState;
import org.jobdeck.queue.handler.JobHandler;
import org.jobdeck.queue.store.RunStore;

/**
 * The no-op handler of a benchmark round, and what it saw: per job, when its handler started and
 * returned (System.nanoTime), and when the store last committed a change.
 *
 * <p>A pool records successes in group commits on its own thread, so a run's commit cannot be
 * told from another's; the hand-off is measured from the upstream handler's return (the earliest
 * moment its success exists) to the downstream handler's start, which includes that commit.
 */
final class RunRecorder {
    private final Map<String, Integer> index = new HashMap<>();
    private final long[] started;
    private final long[] returned;
    private final CountDownLatch remaining;
    private final AtomicLong lastCommit = new AtomicLong();
    private final int expectedRuns;
    private RunStore store;

    RunRecorder(JobCatalog catalog, int expectedRuns) {
        List<String> names = catalog.jobs().stream().map(job -> job.name()).toList();
        for (int i = 0; i < names.size(); i++) {
            index.put(names.get(i), i);
        }
        started = new long[names.size()];
        returned = new long[names.size()];
        remaining = new CountDownLatch(expectedRuns);
        this.expectedRuns = expectedRuns;
    }

    /** Listens to the store's commits; register before the worker pool starts. */
    void attach(RunStore store) {
        this.store = store;
        store.reads().onChange(() -> lastCommit.accumulateAndGet(System.nanoTime(), Math::max));
    }

    JobHandler handler() {
        return context -> {
            int i = index.get(context.jobName());
            started[i] = System.nanoTime();
            returned[i] = System.nanoTime();
            remaining.countDown();
        };
    }

    /**
     * Waits until every expected handler returned and every success committed; false on timeout.
     * The commits are checked every 2 ms once all handlers returned; the end time is the last
     * commit's, not the moment this noticed it.
     */
    boolean awaitAll(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        if (!remaining.await(timeout, unit)) {
            return false;
        }
        while (System.nanoTime() < deadline) {
            if (store.reads().countByState().get(RunState.SUCCEEDED) == expectedRuns) {
                return true;
            }
            Thread.sleep(2);
        }
        return false;
    }

    long remaining() {
        return remaining.getCount();
    }

    long lastCommitNanos() {
        return lastCommit.get();
    }

    long started(String job) {
        return started[index.get(job)];
    }

    long returned(String job) {
        return returned[index.get(job)];
    }
}
