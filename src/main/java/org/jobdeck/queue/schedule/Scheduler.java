package org.jobdeck.queue.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jobdeck.queue.store.StoredSchedule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fires schedules at their slots, in every process that runs workers or serves. It keeps each
 * schedule's next slot in memory and sleeps until the earliest, by the database's clock (so every
 * process wakes at the same instant, whatever its own clock says); then it records what was
 * missed and fires what is due ({@link DueSlots}). Processes race for a slot and the store lets
 * exactly one have it. Schedules are read again when this process changes one, and otherwise
 * whenever their stamp in the database says another process did ({@link #REFRESH}).
 */
public final class Scheduler implements AutoCloseable {
    /** How often other processes' schedule changes are looked for. */
    static final Duration REFRESH = Duration.ofSeconds(2);
    /** A slot seen this late still fires as on time: a busy process's wake-up, not downtime. */
    static final Duration LATENESS = Duration.ofSeconds(30);
    private static final Logger LOG = LoggerFactory.getLogger(Scheduler.class);

    private final ScheduleBook book;
    private final Object wakeup = new Object();
    private final Map<String, Tracked> tracked = new HashMap<>();
    private final Thread thread;
    private volatile boolean closed;
    private boolean reload = true;
    private String stamp = "";
    private long lastRefresh;

    public Scheduler(ScheduleBook book) {
        this.book = book;
        this.thread = new Thread(this::loop, "jobdeck-scheduler");
        thread.setDaemon(true);
        book.onChange(this::reload);
    }

    /** One schedule as the scheduler follows it: where its recorded slots end, and when to look next. */
    private record Tracked(StoredSchedule stored, Instant lastRecorded, Instant nextLook) {
    }

    public Scheduler start() {
        thread.start();
        return this;
    }

    private void reload() {
        synchronized (wakeup) {
            reload = true;
            wakeup.notifyAll();
        }
    }

    private void loop() {
        while (!closed) {
            long waitMillis = REFRESH.toMillis();
            try {
                refresh();
                waitMillis = fireDue();
            } catch (RuntimeException e) {
                LOG.warn("The scheduler could not fire its schedules ({}); it tries again shortly", e.getMessage());
            }
            await(waitMillis);
        }
    }

    /** Reads the schedules again when this process changed one, or the database's stamp moved. */
    private void refresh() {
        boolean forced;
        synchronized (wakeup) {
            forced = reload;
            reload = false;
        }
        long now = System.nanoTime();
        if (!forced && now - lastRefresh < REFRESH.toNanos()) {
            return;
        }
        lastRefresh = now;
        String current = book.store().definitionsStamp();
        if (!forced && current.equals(stamp)) {
            return;
        }
        stamp = current;
        Map<String, Instant> lastSlots = book.store().lastSlots();
        Instant dbNow = Instant.ofEpochMilli(book.now());
        Map<String, Tracked> fresh = new HashMap<>();
        for (StoredSchedule stored : book.all()) {
            String name = stored.schedule().name().value();
            Instant last = lastSlots.getOrDefault(name, stored.since());
            Instant lastRecorded = last.isAfter(stored.since()) ? last : stored.since();
            Tracked earlier = tracked.get(name);
            boolean same = earlier != null && earlier.stored().equals(stored);
            fresh.put(name, new Tracked(stored, lastRecorded, same ? earlier.nextLook() : dbNow));
        }
        tracked.clear();
        tracked.putAll(fresh);
    }

    /** Records and fires what is due; returns how long to sleep until the next slot (ms). */
    private long fireDue() {
        Instant now = Instant.ofEpochMilli(book.now());
        Instant earliest = now.plus(REFRESH);
        for (Tracked entry : List.copyOf(tracked.values())) {
            Tracked current = entry;
            if (!entry.nextLook().isAfter(now) && !entry.stored().schedule().isPaused()) {
                current = look(entry, now);
                tracked.put(entry.stored().schedule().name().value(), current);
            }
            if (!current.stored().schedule().isPaused() && current.nextLook().isBefore(earliest)) {
                earliest = current.nextLook();
            }
        }
        return Math.max(0, Duration.between(Instant.ofEpochMilli(book.now()), earliest).toMillis());
    }

    private Tracked look(Tracked entry, Instant now) {
        ScheduleBook.Attended attended = book.attend(entry.stored(), entry.lastRecorded(), now);
        return new Tracked(entry.stored(), attended.lastRecorded(), attended.nextLook());
    }

    private void await(long millis) {
        synchronized (wakeup) {
            if (!reload && !closed && millis > 0) {
                try {
                    wakeup.wait(millis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    closed = true;
                }
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        reload();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
