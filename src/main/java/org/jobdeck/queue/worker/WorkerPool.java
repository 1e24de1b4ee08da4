package org.jobdeck.queue.worker;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;
import org.jobdeck.core.catalog.JobCatalog;
import org.jobdeck.queue.LeaseLostException;
import org.jobdeck.queue.QueueException;
import org.jobdeck.queue.Run;
import org.jobdeck.queue.handler.HandlerRegistry;
import org.jobdeck.queue.store.LeaseWriter;
import org.jobdeck.queue.store.RunStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A pool of worker threads over one {@link RunStore}.
 *
 * <p>One dispatcher thread claims queued runs in one statement per claim, as many as there are
 * free handler threads (more while runs are short: {@link ClaimBudget}), with {@code FOR UPDATE SKIP LOCKED}, so
 * pools in several processes share one database, and hands each to a handler thread. Successes
 * are written in group commits ({@link SuccessRecorder}); other outcomes one run at a time. A
 * scheduler renews leases, notices cancel requests and lost leases, reclaims other workers'
 * expired leases, flushes run logs and enforces timeouts.
 * Dependency order needs no coordination here: a run is only ever queued once all of its
 * upstream runs succeeded.
 */
public final class WorkerPool implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WorkerPool.class);
    private static final long FLUSH_MILLIS = 500;

    private final RunStore store;
    private final JobCatalog catalog;
    private final HandlerRegistry handlers;
    private final WorkerSettings settings;
    private final RandomGenerator random = RandomGenerator.getDefault();
    private final Map<String, Execution> active = new ConcurrentHashMap<>();
    private final AtomicInteger busy = new AtomicInteger();
    private final Object wakeup = new Object();
    private final ExecutorService executor;
    private final ScheduledExecutorService scheduler;
    private final Thread dispatcher;
    private SuccessRecorder successes;
    private volatile boolean running;
    private volatile boolean stopping;
    /** Recent handler time per run; starts long, so nothing is claimed ahead before runs are seen. */
    private volatile double recentRunMillis = 1_000;
    private boolean pendingWake;

    public WorkerPool(RunStore store, JobCatalog catalog, HandlerRegistry handlers, WorkerSettings settings) {
        this.store = store;
        this.catalog = catalog;
        this.handlers = handlers;
        this.settings = settings;
        this.executor = Executors.newFixedThreadPool(settings.concurrency(), named("jobdeck-worker"));
        this.scheduler = Executors.newSingleThreadScheduledExecutor(named("jobdeck-lease"));
        this.dispatcher = named("jobdeck-dispatch").newThread(this::dispatch);
        store.reads().onChange(this::wake);
        store.reads().onCancelRequested(id -> {
            Execution execution = active.get(id);
            if (execution != null) {
                execution.stop(true);
            }
        });
    }

    public WorkerSettings settings() {
        return settings;
    }

    public synchronized WorkerPool start() {
        if (running || stopping) {
            return this;
        }
        running = true;
        successes = new SuccessRecorder(store, settings.workerId(), run -> {
            active.remove(run.id());
            wake(); // the dispatcher may be holding back for unwritten successes
        },
                "jobdeck-success-" + settings.workerId());
        dispatcher.start();
        scheduler.scheduleWithFixedDelay(this::heartbeat, settings.heartbeatMillis(),
                settings.heartbeatMillis(), TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(this::flushLogs, FLUSH_MILLIS, FLUSH_MILLIS, TimeUnit.MILLISECONDS);
        return this;
    }

    /** Runs this pool is executing right now. */
    public int activeCount() {
        return busy.get();
    }

    private void wake() {
        synchronized (wakeup) {
            pendingWake = true;
            wakeup.notifyAll();
        }
    }

    private void dispatch() {
        long backoff = 0;
        while (running) {
            try {
                int free = ClaimBudget.claimable(settings.concurrency(), recentRunMillis, busy.get(),
                        successes.unwritten());
                if (free > 0) {
                    List<Run> claimed = store.leases().claim(settings.workerId(), free, settings.leaseMillis(),
                            settings.batchId());
                    claimed.forEach(this::submit);
                    backoff = 0;
                    if (!claimed.isEmpty()) {
                        continue;
                    }
                }
                awaitWake(settings.pollMillis());
            } catch (QueueException e) {
                backoff = Math.min(5_000, Math.max(250, backoff * 2));
                LOG.warn("Cannot claim runs ({}); trying again in {} ms", e.getMessage(), backoff);
                sleepQuietly(backoff);
            }
        }
    }

    private void noteRunTime(long nanos) {
        // An exponentially weighted average over about the last 20 runs; races only blur it.
        recentRunMillis += (nanos / 1e6 - recentRunMillis) * 0.05;
    }

    private void awaitWake(long millis) {
        synchronized (wakeup) {
            if (!pendingWake && running) {
                try {
                    wakeup.wait(millis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    running = false;
                }
            }
            pendingWake = false;
        }
    }

    private void submit(Run run) {
        busy.incrementAndGet();
        Execution execution = new Execution(run, new RunContext(run, store, settings.workerId()));
        active.put(run.id(), execution);
        executor.execute(() -> {
            boolean recording = false;
            try {
                recording = execute(execution);
            } finally {
                if (execution.timeout != null) {
                    execution.timeout.cancel(false);
                }
                if (!recording) {
                    active.remove(run.id());
                }
                busy.decrementAndGet();
                wake();
            }
        });
    }

    /** Runs the handler and records the outcome; true when a success was handed to the group commit. */
    private boolean execute(Execution execution) {
        Run run = execution.run;
        if (stopping) { // claimed ahead, and the pool is closing before it started
            handBackQuietly(run);
            return false;
        }
        execution.thread = Thread.currentThread();
        if (run.timeoutMs() > 0) {
            execution.timeout = scheduler.schedule(execution::timeOut, run.timeoutMs(), TimeUnit.MILLISECONDS);
        }
        try {
            long start = System.nanoTime();
            Outcome outcome = new RunExecutor(catalog, handlers).execute(run, execution.context);
            noteRunTime(System.nanoTime() - start);
            execution.context.flush();
            execution.finishing = true;
            if (outcome.succeeded()) {
                successes.record(run);
                return true;
            }
            finish(execution, outcome);
        } catch (LeaseLostException e) {
            LOG.info("Dropped the result of run {}: {}", run.id(), e.getMessage());
        } catch (QueueException e) {
            LOG.warn("Could not record the result of run {} ({}); its lease will expire and it will be retried",
                    run.id(), e.getMessage());
        } finally {
            execution.detach();
            Thread.interrupted(); // clear an interrupt aimed at the handler before reusing the thread
        }
        return false;
    }

    /** Records a failed, cancelled, timed-out or interrupted attempt, one run per transaction. */
    private void finish(Execution execution, Outcome outcome) {
        Run run = execution.run;
        String worker = settings.workerId();
        if (stopping && !execution.cancelRequested && !execution.timedOut) {
            store.leases().handBack(run, worker);
        } else if (execution.cancelRequested) {
            store.leases().cancelled(run, worker);
        } else {
            String error = execution.timedOut
                    ? "timed out after " + run.timeoutMs() / 1000.0 + " s" : outcome.error();
            long delay = RetryBackoff.delayMillis(run.retryDelayMs(), run.attempt(), random);
            store.leases().fail(run, worker, error, outcome.permanent(), delay);
        }
    }

    private void heartbeat() {
        try {
            // Runs whose success is waiting for its group commit are left alone: the commit is
            // about to end their lease, and renewing would only wait on (or deadlock with) it.
            List<String> ids = active.values().stream().filter(execution -> !execution.finishing)
                    .map(execution -> execution.run.id()).toList();
            LeaseWriter.Leases leases = store.leases().renewLeases(settings.workerId(), ids, settings.leaseMillis());
            for (String id : ids) {
                Execution execution = active.get(id);
                if (execution == null || execution.finishing) {
                    continue; // its outcome is being written: no longer running in the database
                }
                if (!leases.held().contains(id)) {
                    LOG.warn("Lost the lease on run {}; stopping its handler", id);
                    execution.stop(false);
                } else if (leases.cancelRequested().contains(id)) {
                    execution.stop(true);
                }
            }
            int reclaimed = store.leases().reclaimExpired();
            if (reclaimed > 0) {
                LOG.info("Reclaimed {} run(s) whose lease expired", reclaimed);
            }
        } catch (RuntimeException e) {
            LOG.warn("Heartbeat failed: {}", e.getMessage());
        }
    }

    private void flushLogs() {
        for (Execution execution : active.values()) {
            try {
                execution.context.flush();
            } catch (RuntimeException e) {
                LOG.debug("Could not flush run {}: {}", execution.run.id(), e.getMessage());
            }
        }
    }

    /**
     * Graceful shutdown: stop claiming, ask running handlers to stop, and hand their runs back
     * to the queue (an attempt cut short by shutdown does not count).
     */
    @Override
    public void close() {
        synchronized (this) {
            if (stopping) {
                return;
            }
            stopping = true;
            running = false;
        }
        wake();
        joinQuietly(dispatcher);
        active.values().forEach(execution -> execution.stop(false));
        executor.shutdown();
        try {
            if (!executor.awaitTermination(settings.shutdownGraceMillis(), TimeUnit.MILLISECONDS)) {
                for (Execution execution : active.values()) {
                    if (!execution.finishing) { // a success waiting for its group commit is kept
                        handBackQuietly(execution.run);
                    }
                }
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (successes != null) {
            successes.close();
        }
        scheduler.shutdownNow();
    }

    private void handBackQuietly(Run run) {
        try {
            store.leases().handBack(run, settings.workerId());
        } catch (QueueException e) {
            LOG.warn("Could not hand back run {}: {}", run.id(), e.getMessage());
        }
    }

    private static void joinQuietly(Thread thread) {
        try {
            if (thread.isAlive()) {
                thread.join(5_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** One run being executed by this pool. */
    private static final class Execution {
        final Run run;
        final RunContext context;
        volatile Thread thread;
        volatile boolean cancelRequested;
        volatile boolean timedOut;
        /** The handler returned and its outcome is being written. */
        volatile boolean finishing;
        volatile ScheduledFuture<?> timeout;

        Execution(Run run, RunContext context) {
            this.run = run;
            this.context = context;
        }

        void timeOut() {
            timedOut = true;
            stop(false);
        }

        synchronized void stop(boolean byOperator) {
            if (byOperator) {
                cancelRequested = true;
            }
            context.cancel();
            if (thread != null) {
                thread.interrupt();
            }
        }

        /** After this, no stop() can interrupt the thread, which may already run something else. */
        synchronized void detach() {
            thread = null;
        }
    }
}
