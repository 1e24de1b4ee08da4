package org.jobdeck.queue.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
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
 * already woke its listeners when it committed). An operator's request to cancel a running run
 * goes on {@link #CANCEL_CHANNEL}, with the run's id after the sender's, so the process running it
 * stops it at once rather than at its next heartbeat; other listeners are not woken for it.
 *
 * <p>The listening connection reconnects by itself after PostgreSQL restarts; on reconnecting it
 * wakes the listeners once, for whatever it missed. (A cancel sent while it was away is noticed
 * at the next heartbeat, as before.)
 */
final class RemoteChanges implements AutoCloseable {
    static final String CHANNEL = "jobdeck_runs";
    static final String CANCEL_CHANNEL = "jobdeck_cancel";
    private static final Logger LOG = LoggerFactory.getLogger(RemoteChanges.class);
    private static final int WAIT_MILLIS = 500;

    private final DatabaseUrl url;
    private final String self = UUID.randomUUID().toString();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<String>> cancelListeners = new CopyOnWriteArrayList<>();
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

    /** Whether notifications reach this process now: its listening connection is up. */
    boolean listening() {
        return connection != null;
    }

    /** The payload that asks other processes to stop a running run. */
    String cancelPayload(long runId) {
        return self + " " + runId;
    }

    synchronized void subscribe(Runnable listener) {
        listeners.add(listener);
        listen();
    }

    /** {@code listener} gets the id of each run another process asked to cancel. */
    synchronized void subscribeCancels(Consumer<String> listener) {
        cancelListeners.add(listener);
        listen();
    }

    private void listen() {
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
                statement.execute("LISTEN " + CANCEL_CHANNEL);
                connection = listening;
                if (reconnected) {
                    LOG.info("Listening for other processes' changes again");
                    wakeAll();
                }
                backoff = 0;
                PGConnection pg = listening.unwrap(PGConnection.class);
                while (!closed) {
                    PGNotification[] notifications = pg.getNotifications(WAIT_MILLIS);
                    if (notifications != null) {
                        deliver(notifications);
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

    private void deliver(PGNotification[] notifications) {
        boolean changed = false;
        for (PGNotification notification : notifications) {
            String payload = notification.getParameter();
            if (CANCEL_CHANNEL.equals(notification.getName())) {
                int space = payload.indexOf(' ');
                if (space > 0 && !self.equals(payload.substring(0, space))) {
                    cancel(payload.substring(space + 1));
                }
            } else if (!self.equals(payload)) {
                changed = true;
            }
        }
        if (changed) {
            wakeAll();
        }
    }

    private void cancel(String runId) {
        for (Consumer<String> listener : cancelListeners) {
            try {
                listener.accept(runId);
            } catch (RuntimeException e) {
                LOG.warn("A cancel listener failed: {}", e.toString());
            }
        }
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
