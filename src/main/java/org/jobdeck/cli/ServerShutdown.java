package org.jobdeck.cli;

import java.util.List;
import org.jobdeck.client.EmbeddedJobsApi;
import org.jobdeck.server.JobdeckServer;

/**
 * Stops {@code jobdeck serve} gracefully: Ctrl-C and SIGTERM stop HTTP, then the workers (their
 * runs go back to the queue) and the database, before the JVM's own shutdown closes H2 under
 * them; a JVM shutdown by other means does the same from a hook. Closing it normally (the
 * command's thread was interrupted) stops the server the same way.
 */
final class ServerShutdown implements AutoCloseable {
    private final JobdeckServer server;
    private final EmbeddedJobsApi api;
    private final Thread hook;
    private boolean stopped;

    ServerShutdown(JobdeckServer server, EmbeddedJobsApi api) {
        this.server = server;
        this.api = api;
        this.hook = new Thread(this::stop, "jobdeck-serve-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        onSignals();
    }

    @SuppressWarnings("removal")
    private void onSignals() {
        for (String name : List.of("INT", "TERM")) {
            try {
                sun.misc.Signal.handle(new sun.misc.Signal(name), signal -> {
                    stop();
                    System.exit(128 + signal.getNumber());
                });
            } catch (IllegalArgumentException | UnsupportedOperationException unsupported) {
                // No such signal here: the shutdown hook still stops the server.
            }
        }
    }

    private synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        server.close();
        api.close();
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is stopping the server right now
        }
        stop();
    }
}
