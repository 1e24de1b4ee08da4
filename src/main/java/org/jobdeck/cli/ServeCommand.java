package org.jobdeck.cli;

import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.jobdeck.client.EmbeddedBackend;
import org.jobdeck.client.EmbeddedJobsApi;
import org.jobdeck.core.catalog.CatalogDocument;
import org.jobdeck.queue.worker.WorkerSettings;
import org.jobdeck.server.JobdeckServer;
import org.jobdeck.client.ServerTokens;
import org.jobdeck.server.StreamSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code jobdeck serve}: the REST server over the queue, with an in-process worker pool. It
 * prints {@code Listening on http://HOST:PORT} once it accepts connections, and stops gracefully
 * on Ctrl-C (or when its thread is interrupted, as tests do). The token is never printed: only
 * where it is.
 */
@Command(name = "serve",
        description = "Serve the REST API (/api/admin/jobs) over the queue, with in-process workers.")
final class ServeCommand implements Callable<Integer> {
    @ParentCommand
    JobdeckCommand root;

    @Spec
    CommandSpec spec;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "8080",
            description = "TCP port; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--bind", paramLabel = "HOST", defaultValue = JobdeckServer.Settings.DEFAULT_HOST,
            description = "Address to listen on (default: ${DEFAULT-VALUE}, this machine only).")
    String bind;

    @Option(names = "--workers", paramLabel = "N",
            description = "In-process worker threads (default: number of cores; 0 for none,"
                    + " when `jobdeck worker` runs elsewhere on the same PostgreSQL).")
    Integer workers;

    @Mixin
    LeaseOptions lease = new LeaseOptions();

    @Option(names = "--token-file", paramLabel = "FILE",
            description = "File holding the admin token (readable by its owner only). Without it, a"
                    + " random token is generated into ~/.jobdeck/admin.token.")
    Path tokenFile;

    @Option(names = "--allow-command-probes",
            description = "Let schedules sent over REST have a command probe: a program this server's"
                    + " processes run. Off by default: the admin token then cannot run programs here.")
    boolean allowCommandProbes;

    @Option(names = "--read-token-file", paramLabel = "FILE",
            description = "File holding a read-only token: it may read, not enqueue, cancel or retry.")
    Path readTokenFile;

    @Option(names = "--max-streams", paramLabel = "N", defaultValue = "" + StreamSettings.DEFAULT_MAX_STREAMS,
            description = "Event streams (GET /events) open at once, in all; beyond it, 429"
                    + " (default: ${DEFAULT-VALUE}).")
    int maxStreams;

    @Option(names = "--max-streams-per-token", paramLabel = "N",
            defaultValue = "" + StreamSettings.DEFAULT_MAX_STREAMS_PER_TOKEN,
            description = "Event streams open at once with one token; beyond it, 429 (default: ${DEFAULT-VALUE}).")
    int maxStreamsPerToken;

    @Override
    public Integer call() throws InterruptedException {
        int threads = workers == null ? LocalWorkers.defaultConcurrency() : workers;
        if (threads < 0) {
            throw new UserError("--workers must be 0 or more, got " + threads, ExitCodes.USAGE);
        }
        if (port < 0 || port > 65_535) {
            throw new UserError("--port must be from 0 to 65535, got " + port, ExitCodes.USAGE);
        }
        if (maxStreams < 1 || maxStreamsPerToken < 1) {
            throw new UserError("--max-streams and --max-streams-per-token must be 1 or more, got "
                    + maxStreams + " and " + maxStreamsPerToken, ExitCodes.USAGE);
        }
        WorkerSettings settings = threads > 0 ? lease.applyTo(WorkerSettings.defaults(threads)) : null;
        CatalogDocument catalog = root.readCatalog();
        catalog.toCatalog(); // an invalid catalog exits 3 before anything starts
        PrintWriter out = spec.commandLine().getOut();
        String adminToken = adminToken(out);
        String readToken = readTokenFile == null ? null : ServerTokens.read(readTokenFile);
        if (adminToken.equals(readToken)) {
            throw new UserError("The read-only token must differ from the admin token", ExitCodes.USAGE);
        }
        EmbeddedJobsApi api = EmbeddedBackend.open(catalog, root.databaseUrl, settings);
        JobdeckServer server;
        try {
            server = startServer(api, adminToken, readToken);
            api.startScheduler(); // serve fires schedules, with or without workers
        } catch (RuntimeException e) {
            api.close();
            throw e;
        }
        ServerShutdown shutdown = new ServerShutdown(server, api);
        try {
            out.println("Listening on " + server.url());
            out.println("Serving " + api.describe() + " with " + threads
                    + (threads == 1 ? " worker thread" : " worker threads") + "; Ctrl-C stops it");
            out.flush();
            warnIfExposed(spec.commandLine().getErr());
            new CountDownLatch(1).await(); // until Ctrl-C, or an interrupt
        } catch (InterruptedException stop) {
            shutdown.close();
            out.println("Stopped.");
            out.flush();
        } finally {
            shutdown.close();
        }
        return ExitCodes.OK;
    }

    private String adminToken(PrintWriter out) {
        Path file = tokenFile != null ? tokenFile : root.remote.tokenFile; // jobdeck --token-file F serve
        if (file != null) {
            return ServerTokens.read(file);
        }
        String token = ServerTokens.generate();
        Path generated = ServerTokens.generatedFile();
        ServerTokens.write(generated, token);
        out.println("Admin token written to " + generated + " (readable by you only);"
                + " clients pass it with --token-file " + generated);
        return token;
    }

    private JobdeckServer startServer(EmbeddedJobsApi api, String adminToken, String readToken) {
        try {
            StreamSettings streams = StreamSettings.defaults().withCaps(maxStreams, maxStreamsPerToken);
            return JobdeckServer.start(api, JobdeckServer.Settings.of(bind, port, adminToken, readToken)
                    .withCommandProbes(allowCommandProbes)
                    .withStreams(streams));
        } catch (RuntimeException e) {
            throw new UserError("Cannot listen on " + bind + ":" + port + ": " + rootMessage(e), ExitCodes.USAGE);
        }
    }

    private void warnIfExposed(PrintWriter err) {
        try {
            if (!InetAddress.getByName(bind).isLoopbackAddress()) {
                err.println("jobdeck: warning: serving plain HTTP on " + bind
                        + ": tokens cross the network unencrypted unless a TLS proxy fronts this server");
                err.flush();
            }
        } catch (UnknownHostException e) {
            // the server bound it, so it resolves; nothing to warn about otherwise
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.toString() : cause.getMessage();
    }
}
