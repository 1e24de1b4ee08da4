package org.jobdeck.fault;

import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import org.jobdeck.api.RunChangePage;
import org.jobdeck.api.RunView;
import org.jobdeck.client.RestJobsApi;

/**
 * A reader of the REST change feed ({@code GET /api/admin/jobs/changes?after=&limit=}) that reads
 * pages of random sizes (seeded), so that it often resumes in the middle of one transaction's
 * changes, and now and then drops its client and resumes with a new one from the last position.
 * What it records is exactly what the server answered ({@link ReceivedChanges}).
 */
final class ChangeFeedReader implements AutoCloseable {
    private static final int MAX_PAGE = 50;
    /** How often a reader that has caught up asks again. */
    private static final long POLL_MILLIS = 20;

    final ReceivedChanges changes = new ReceivedChanges("change feed (REST, random pages)");
    private final String server;
    private final String token;
    private final Random random;
    private final Thread thread;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private volatile boolean stopping;
    private volatile int clients;
    private volatile int pages;
    private RestJobsApi api;
    private String position;

    /** Starts at the head: every change committed after the constructor returns is read. */
    ChangeFeedReader(int port, String token, long seed) {
        this.server = "http://127.0.0.1:" + port;
        this.token = token;
        this.random = new Random(seed);
        api = newClient();
        position = api.changes(null, 1).position();
        thread = new Thread(this::follow, "change-feed-reader");
        thread.setDaemon(true);
        thread.start();
    }

    private RestJobsApi newClient() {
        clients++;
        return RestJobsApi.connect(server, token);
    }

    private void follow() {
        try {
            while (!stopping) {
                RunChangePage page = api.changes(position, 1 + random.nextInt(MAX_PAGE));
                pages++;
                for (RunView run : page.runs()) {
                    changes.received(run.jobRunId(), run.version(), "page " + pages + " of client " + clients);
                }
                position = page.position();
                if (random.nextInt(10) == 0) {
                    api.close();
                    api = newClient(); // a client that starts over, from the last position only
                }
                if (!page.more()) {
                    Thread.sleep(POLL_MILLIS);
                }
            }
        } catch (Throwable e) {
            failure.set(e);
        } finally {
            api.close();
        }
    }

    /** Waits (up to {@code timeout}) until every run was received at its version in {@code database}. */
    boolean awaitEvery(Map<String, Long> database, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!changes.hasEvery(database) && failure.get() == null && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return changes.hasEvery(database);
    }

    int clients() {
        return clients;
    }

    int pages() {
        return pages;
    }

    Throwable failure() {
        return failure.get();
    }

    @Override
    public void close() throws InterruptedException {
        stopping = true;
        thread.join(10_000);
    }
}
