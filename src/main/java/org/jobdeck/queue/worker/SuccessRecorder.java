package org.jobdeck.queue.worker;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.jobdeck.queue.QueueException;
import org.jobdeck.queue.Run;
import org.jobdeck.queue.store.RunStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records a pool's successful runs in group commits: one thread takes every success that is
 * waiting and writes them in one transaction, so the database commits once per group instead of
 * once per run. Nothing waits on purpose: a group is whatever arrived while the previous commit
 * ran, so a lone success is written at once and a busy pool writes large groups.
 *
 * <p>Until its group commits, a run stays {@code running} under this worker's lease (and the pool
 * keeps renewing it). A run whose lease was lost meanwhile is left out of the group, not recorded.
 */
final class SuccessRecorder implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SuccessRecorder.class);
    static final int MAX_GROUP = 500;

    private final RunStore store;
    private final String workerId;
    private final Consumer<Run> done;
    private final BlockingQueue<Run> pending = new LinkedBlockingQueue<>();
    private final AtomicInteger unwritten = new AtomicInteger();
    private final Thread thread;
    private volatile boolean closing;

    /**
     * @param done called with each run once its success is recorded, dropped or failed to write
     *             (the pool then stops tracking it)
     */
    SuccessRecorder(RunStore store, String workerId, Consumer<Run> done, String threadName) {
        this.store = store;
        this.workerId = workerId;
        this.done = done;
        this.thread = new Thread(this::loop, threadName);
        this.thread.setDaemon(true);
        this.thread.start();
    }

    void record(Run run) {
        unwritten.incrementAndGet();
        pending.add(run);
    }

    /** Successes handed over and not yet written (or dropped): waiting, and in the group being written. */
    int unwritten() {
        return unwritten.get();
    }

    private void loop() {
        List<Run> group = new ArrayList<>();
        while (!closing || !pending.isEmpty()) {
            try {
                Run first = pending.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                group.add(first);
                pending.drainTo(group, MAX_GROUP - 1);
                write(group);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                unwritten.addAndGet(-group.size());
                group.forEach(done);
                group.clear();
            }
        }
    }

    private void write(List<Run> group) {
        try {
            List<Run> recorded = store.leases().succeedAll(group, workerId);
            if (recorded.size() < group.size()) {
                Set<String> ids = new HashSet<>();
                recorded.forEach(run -> ids.add(run.id()));
                for (Run run : group) {
                    if (!ids.contains(run.id())) {
                        LOG.info("Dropped the success of run {}: worker {} no longer holds attempt {}",
                                run.id(), workerId, run.attempt());
                    }
                }
            }
        } catch (QueueException e) {
            LOG.warn("Could not record the success of {} run(s) ({}); their leases will expire and they"
                    + " will run again", group.size(), e.getMessage());
        }
    }

    /** Writes what is pending, then stops. */
    @Override
    public void close() {
        closing = true;
        try {
            thread.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
