package org.jobdeck.queue.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Changes committed by other processes on the same PostgreSQL, through LISTEN/NOTIFY: a
 * transaction that queues, ends or hands back runs sends a notification on {@link #CHANNEL}
 * (delivered when it commits), and each process listens on one dedicated connection and wakes its
 * worker pools and feeds at once instead of at their next poll.
 *
 * <p>The payload is the sending process's id, so a process ignores its own notifications (it
 * already woke its listeners when it committed). The listening connection reconnects by itself
 * after PostgreSQL restarts; on reconnecting it wakes the listeners once, for whatever it missed.
 */
final class RemoteChanges implements AutoCloseable {
    static final String CHANNEL = "jobdeck_runs";
    private static final Logger LOG = LoggerFactory.getLogger(RemoteChanges.class);
    private static final int WAIT_MILLIS = 500;

    private final DatabaseUrl url;
    private final String self = UUID.randomUUID().toString();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private Thread thread;
    private volatile boolean closed;
    private volatile Connection connection;

    RemoteChanges(DatabaseUrl url) {
        this.url = url;
    }

    /** The payload this process sends. */
    String self() {
        return self;
    }

    synchronized void subscribe(Runnable listener) {
        listeners.add(listener);
        if (thread == null && !closed) {
            thread = new Thread(this::loop, "jobdeck-listen");
            thread.setDaemon(true);
            thread.start();
        }
    }

    private void loop() {
        long backoff = 0;
        boolean reconnected = false;
        while (!closed) {
            try (Connection listening = Database.connectDirectly(url);
                 Statement statement = listening.createStatement()) {
                statement.execute("LISTEN " + CHANNEL);
                connection = listening;
                if (reconnected) {
                    LOG.info("Listening for other processes' changes again");
                    wakeAll();
                }
                backoff = 0;
                PGConnection pg = listening.unwrap(PGConnection.class);
                while (!closed) {
                    PGNotification[] notifications = pg.getNotifications(WAIT_MILLIS);
                    if (notifications != null && fromOthers(notifications)) {
                        wakeAll();
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (closed) {
                    return;
                }
                reconnected = true;
                backoff = Math.min(5_000, Math.max(250, backoff * 2));
                LOG.warn("Lost the connection that listens for other processes' changes ({}); reconnecting in {} ms",
                        Database.rootMessage(e), backoff);
                sleep(backoff);
            } finally {
                connection = null;
            }
        }
    }

    private boolean fromOthers(PGNotification[] notifications) {
        for (PGNotification notification : notifications) {
            if (!self.equals(notification.getParameter())) {
                return true;
            }
        }
        return false;
    }

    private void wakeAll() {
        for (Runnable listener : listeners) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                LOG.warn("A change listener failed: {}", e.toString());
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        Thread running;
        synchronized (this) {
            closed = true;
            running = thread;
        }
        if (running != null) {
            try {
                running.join(WAIT_MILLIS * 4L);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
