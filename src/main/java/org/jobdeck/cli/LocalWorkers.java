package org.jobdeck.cli;

import java.util.List;
import org.jobdeck.client.EmbeddedJobsApi;
import org.jobdeck.queue.worker.WorkerPool;
import org.jobdeck.queue.worker.WorkerSettings;

/**
 * A worker pool inside the CLI process, with the backend's handlers (ServiceLoader's, and the
 * demo jobs' for the built-in catalog). Ctrl-C closes it
 * gracefully, so the runs it holds go back to the queue instead of waiting for their lease to
 * expire.
 */
final class LocalWorkers implements AutoCloseable {
    private final WorkerPool pool;
    private final Thread shutdownHook;
    private volatile boolean shutDown;

    LocalWorkers(EmbeddedJobsApi api, WorkerSettings settings) {
        pool = new WorkerPool(api.store(), api.jobCatalog(), api.handlers(), settings);
        shutdownHook = new Thread(() -> {
            shutDown = true;
            pool.close();
            // The database too: H2 writes commits to its file with a delay, and the JVM halts
            // as soon as the hooks return, which would lose the hand-backs just committed.
            api.close();
        }, "jobdeck-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        stopGracefullyOnSignals(api);
        pool.start();
    }

    /**
     * Ctrl-C and SIGTERM close the pool and the database before the JVM starts its shutdown:
     * H2's own shutdown hook would otherwise close a shared (AUTO_SERVER) database while the
     * hand-backs are being written. The shutdown hook stays as the fallback.
     */
    @SuppressWarnings("removal")
    private void stopGracefullyOnSignals(EmbeddedJobsApi api) {
        for (String name : List.of("INT", "TERM")) {
            try {
                sun.misc.Signal.handle(new sun.misc.Signal(name), signal -> {
                    shutDown = true;
                    pool.close();
                    api.close();
                    System.exit(128 + signal.getNumber());
                });
            } catch (IllegalArgumentException | UnsupportedOperationException unsupported) {
                // No such signal here: the shutdown hook still closes the pool.
            }
        }
    }

    WorkerPool pool() {
        return pool;
    }

    /**
     * True once Ctrl-C (or another JVM shutdown) closed the pool and the database: the command's
     * own thread then sees the closed database fail, which is no error worth printing.
     */
    boolean stoppedByShutdown() {
        return shutDown;
    }

    static int defaultConcurrency() {
        return Runtime.getRuntime().availableProcessors();
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // The hook is closing the pool right now; closing it twice is harmless.
        }
        pool.close();
    }
}
