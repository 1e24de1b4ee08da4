package org.jobdeck.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.jobdeck.client.EmbeddedJobsApi;
import org.jobdeck.queue.store.RunStore;
import org.jobdeck.queue.worker.WorkerPool;
import org.jobdeck.queue.worker.WorkerSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code jobdeck worker}: work the queued runs of every batch, until Ctrl-C or until the queue is idle. */
@Command(name = "worker",
        description = "Work queued runs until Ctrl-C (or, with --until-idle, until none is left).")
final class WorkerCommand implements Callable<Integer> {
    @ParentCommand
    JobdeckCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--concurrency", paramLabel = "N", description = "Handler threads (default: cores).")
    Integer concurrency;

    @Option(names = "--until-idle", description = "Exit once no run is waiting, queued or running.")
    boolean untilIdle;

    @Mixin
    LeaseOptions lease = new LeaseOptions();

    @Override
    public Integer call() throws Exception {
        int threads = concurrency == null ? LocalWorkers.defaultConcurrency() : concurrency;
        if (threads < 1) {
            throw new UserError("--concurrency must be at least 1, got " + threads, ExitCodes.USAGE);
        }
        WorkerSettings settings = lease.applyTo(WorkerSettings.defaults(threads));
        PrintWriter out = spec.commandLine().getOut();
        try (EmbeddedJobsApi api = Backends.open(root)) {
            out.println("Worker " + settings.workerId() + ": " + threads
                    + (threads == 1 ? " thread" : " threads") + " on " + api.describe()
                    + (untilIdle ? " (stops when the queue is idle)" : " (Ctrl-C stops it)"));
            out.flush();
            AttemptReport report = new AttemptReport(out);
            AutoCloseable feed = api.subscribe(report);
            LocalWorkers workers = new LocalWorkers(api, settings);
            if (!untilIdle) {
                api.startScheduler(); // a worker that stays also fires schedules; one that drains the queue does not
            }
            try {
                if (untilIdle) {
                    awaitIdle(api.store(), workers.pool(), settings.pollMillis());
                } else {
                    new CountDownLatch(1).await(); // the shutdown hook closes the pool on Ctrl-C
                }
            } catch (RuntimeException e) {
                if (workers.stoppedByShutdown()) {
                    return ExitCodes.OK;
                }
                throw e;
            } finally {
                workers.close();
                report.close();
                feed.close();
            }
            out.println("Queue is idle; worker stopped.");
            return ExitCodes.OK;
        }
    }

    /**
     * Waits until the pool has had no active run for a whole poll interval and the store holds no
     * waiting, queued or running run. The interval matters: right after a run completes, the
     * downstream runs it queued are not claimed yet.
     */
    private static void awaitIdle(RunStore store, WorkerPool pool, long pollMillis)
            throws InterruptedException {
        boolean quiet = false;
        while (true) {
            Thread.sleep(pollMillis);
            if (pool.activeCount() > 0) {
                quiet = false;
            } else if (quiet && store.reads().isIdle()) {
                return;
            } else {
                quiet = true;
            }
        }
    }
}
