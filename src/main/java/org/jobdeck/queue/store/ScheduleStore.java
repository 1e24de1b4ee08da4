package org.jobdeck.queue.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.jobdeck.core.schedule.Schedule;
import org.jobdeck.core.schedule.ScheduleWriter;
import org.jobdeck.queue.FireOutcome;
import org.jobdeck.queue.ScheduleExistsException;
import org.jobdeck.queue.ScheduleFire;
import org.jobdeck.queue.UnknownScheduleException;

/**
 * Schedules and their fire records, beside the runs. A schedule is stored as its file entry (the
 * JSON that {@code schedule export} writes), read back through the catalog-independent
 * {@link StoredSchedules} reader; a fire record is keyed by (schedule, slot), which is what makes
 * a slot fire once however many processes try ({@link ScheduleFiring}).
 */
public final class ScheduleStore {
    private static final String COLUMNS = "name, definition, since, last_fingerprint, fingerprint_batch";
    private static final String FIRE_COLUMNS = "schedule_name, slot, fired_at, outcome, batch_id, reason, slot_count,"
            + " last_slot, fire_trigger";
    private static final int MAX_REASON = 2000;

    private final StoreContext store;
    private final ScheduleFiring firing;

    ScheduleStore(StoreContext store, BatchWriter batches) {
        this.store = store;
        this.firing = new ScheduleFiring(store, batches, this);
    }

    /** How a slot is fired: in one transaction with its batch. */
    public ScheduleFiring firing() {
        return firing;
    }

    public List<StoredSchedule> all() {
        return store.read(connection -> select(connection, "SELECT " + COLUMNS + " FROM jd_schedule ORDER BY name"));
    }

    public Optional<StoredSchedule> find(String name) {
        return store.read(connection -> select(connection, "SELECT " + COLUMNS + " FROM jd_schedule WHERE name = ?",
                name)).stream().findFirst();
    }

    public StoredSchedule require(String name) {
        return find(name).orElseThrow(() -> new UnknownScheduleException(name));
    }

    /**
     * Creates a schedule; slots before now (the database's) are not its own.
     *
     * @throws ScheduleExistsException when the name is taken
     */
    public StoredSchedule create(Schedule schedule) {
        store.change(writing -> {
            String now = writing.now();
            if (!writing.dialect().insertIfAbsent(writing.connection(), "INSERT INTO jd_schedule (name, definition,"
                    + " since, created_at, updated_at) VALUES (?, ?, " + now + ", " + now + ", " + now + ")", "(name)",
                    schedule.name().value(), definition(schedule))) {
                throw new ScheduleExistsException(schedule.name().value());
            }
            return null;
        });
        return require(schedule.name().value());
    }

    /**
     * Replaces a schedule's definition, or creates it. A new cron or zone starts afresh (slots
     * before now are not the new definition's); so does a resume (slots missed while paused are
     * not caught up). The only-if-changed fingerprint is kept.
     */
    public StoredSchedule save(Schedule schedule) {
        store.change(writing -> {
            write(writing, schedule, lock(writing, schedule.name().value()));
            return null;
        });
        return require(schedule.name().value());
    }

    /** Changes a schedule (pause, resume) under its row lock: the change sees the latest definition. */
    public StoredSchedule update(String name, UnaryOperator<Schedule> change) {
        store.change(writing -> {
            StoredSchedule earlier = lock(writing, name).orElseThrow(() -> new UnknownScheduleException(name));
            write(writing, change.apply(earlier.schedule()), Optional.of(earlier));
            return null;
        });
        return require(name);
    }

    static Optional<StoredSchedule> lock(Writing writing, String name) throws SQLException {
        return select(writing.connection(), "SELECT " + COLUMNS + " FROM jd_schedule WHERE name = ? FOR UPDATE", name)
                .stream().findFirst();
    }

    private static void write(Writing writing, Schedule schedule, Optional<StoredSchedule> earlier) throws SQLException {
        String name = schedule.name().value();
        String now = writing.now();
        if (earlier.isEmpty()) {
            Sql.update(writing.connection(), "INSERT INTO jd_schedule (name, definition, since, created_at, updated_at)"
                    + " VALUES (?, ?, " + now + ", " + now + ", " + now + ")", name, definition(schedule));
            return;
        }
        Schedule before = earlier.get().schedule();
        boolean afresh = !before.cron().equals(schedule.cron()) || !before.zone().equals(schedule.zone())
                || before.isPaused() && !schedule.isPaused();
        Sql.update(writing.connection(), "UPDATE jd_schedule SET definition = ?, updated_at = " + now
                + (afresh ? ", since = " + now : "") + ", version = version + 1 WHERE name = ?", definition(schedule), name);
    }

    /**
     * An only-if-changed SQL probe's fingerprint: its first row, read in a transaction that is
     * read-only and rolled back, with a statement timeout. Its text was checked to be one SELECT
     * when the schedule was saved; this is the second line of defence.
     */
    public String probe(String sql, int timeoutSeconds) {
        return store.read(connection -> {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            try (var statement = connection.createStatement()) {
                statement.setQueryTimeout(timeoutSeconds);
                statement.setMaxRows(1);
                try (ResultSet rows = statement.executeQuery(sql)) {
                    if (!rows.next()) {
                        return "(no rows)";
                    }
                    StringBuilder row = new StringBuilder();
                    for (int column = 1; column <= rows.getMetaData().getColumnCount(); column++) {
                        row.append(column == 1 ? "" : " | ").append(rows.getString(column));
                    }
                    return row.toString();
                }
            } finally {
                connection.rollback();
                connection.setReadOnly(false);
                connection.setAutoCommit(autoCommit);
            }
        });
    }

    /**
     * Creates these schedules once per database (under {@code marker}), each unless its name is
     * taken: a schedule the operator removed later does not come back.
     *
     * @return whether this call created them
     */
    public boolean seedOnce(String marker, List<Schedule> seeds) {
        return store.change(writing -> {
            if (!writing.dialect().insertIfAbsent(writing.connection(), "INSERT INTO jd_marker (name, created_at)"
                    + " VALUES (?, " + writing.now() + ")", "(name)", marker)) {
                return false;
            }
            for (Schedule seed : seeds) {
                if (lock(writing, seed.name().value()).isEmpty()) {
                    write(writing, seed, Optional.empty());
                }
            }
            return true;
        });
    }

    /** Removes a schedule and its fire history; its batches stay. */
    public void remove(String name) {
        store.change(writing -> {
            Sql.update(writing.connection(), "DELETE FROM jd_schedule_fire WHERE schedule_name = ?", name);
            if (Sql.update(writing.connection(), "DELETE FROM jd_schedule WHERE name = ?", name) == 0) {
                throw new UnknownScheduleException(name);
            }
            return null;
        });
    }

    /** The newest fire records first. */
    public List<ScheduleFire> fires(String name, int limit) {
        return store.read(connection -> fires(connection, "SELECT " + FIRE_COLUMNS + " FROM jd_schedule_fire"
                + " WHERE schedule_name = ? ORDER BY slot DESC LIMIT " + Math.max(1, limit), name));
    }

    /** The last slot of the cron that has a record (manual runs are not slots). */
    public Optional<Instant> lastSlot(String name) {
        return store.read(connection -> Sql.longs(connection, "SELECT MAX(COALESCE(last_slot, slot))"
                + " FROM jd_schedule_fire WHERE schedule_name = ? AND fire_trigger = 'cron'", name)).stream()
                .filter(millis -> millis > 0).findFirst().map(Instant::ofEpochMilli);
    }

    /** The last cron slot with a record, per schedule, in one query (the scheduler's start). */
    public Map<String, Instant> lastSlots() {
        return store.read(connection -> {
            Map<String, Instant> last = new HashMap<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT schedule_name,"
                    + " MAX(COALESCE(last_slot, slot)) FROM jd_schedule_fire WHERE fire_trigger = 'cron'"
                    + " GROUP BY schedule_name"); ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    last.put(rows.getString(1), Instant.ofEpochMilli(rows.getLong(2)));
                }
            }
            return last;
        });
    }

    /** Changes whenever any schedule is created, changed or removed: whether to read them again. */
    public String definitionsStamp() {
        return store.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT COUNT(*), COALESCE(SUM(version), 0),"
                    + " COALESCE(MAX(updated_at), 0) FROM jd_schedule"); ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1) + "/" + row.getLong(2) + "/" + row.getLong(3);
            }
        });
    }

    /** Records a slot that could not even be attempted (its target no longer resolves), unless it has a record. */
    public void recordFailed(String name, Instant slot, boolean manual, String reason) {
        store.change(writing -> insertIfAbsent(writing, new ScheduleFire(name, slot, null, FireOutcome.FAILED, null,
                reason, 1, null, manual)), false, true);
    }

    /**
     * Records slots no process fired in time; a slot that has a record already (another process
     * recorded it) is left as it is. A range stands for many slots in one record.
     */
    public void recordMissed(String name, List<Instant> slots, Instant rangeFirst, Instant rangeLast, long rangeCount,
                             String reason) {
        store.change(writing -> {
            for (Instant slot : slots) {
                insertIfAbsent(writing, new ScheduleFire(name, slot, null, FireOutcome.MISSED, null, reason, 1, null,
                        false));
            }
            if (rangeCount > 0) {
                insertIfAbsent(writing, new ScheduleFire(name, rangeFirst, null, FireOutcome.MISSED, null, reason,
                        rangeCount, rangeLast, false));
            }
            return null;
        }, false, false);
    }

    /** Inserts a fire record unless its slot has one; true when this call inserted it. */
    boolean insertIfAbsent(Writing writing, ScheduleFire fire) throws SQLException {
        return writing.dialect().insertIfAbsent(writing.connection(), "INSERT INTO jd_schedule_fire (" + FIRE_COLUMNS
                        + ") VALUES (?, ?, " + writing.now() + ", ?, ?, ?, ?, ?, ?)", "(schedule_name, slot)",
                fire.schedule(), fire.slot().toEpochMilli(), fire.outcome().wireName(),
                fire.batchId() == null ? null : Long.parseLong(fire.batchId()), LeaseWriter.truncate(fire.reason(), MAX_REASON),
                fire.slotCount(), fire.lastSlot() == null ? null : fire.lastSlot().toEpochMilli(),
                fire.manual() ? "manual" : "cron");
    }

    void complete(Writing writing, String name, Instant slot, FireOutcome outcome, Long batchId, String reason)
            throws SQLException {
        Sql.update(writing.connection(), "UPDATE jd_schedule_fire SET outcome = ?, batch_id = ?, reason = ?,"
                + " fired_at = " + writing.now() + " WHERE schedule_name = ? AND slot = ?", outcome.wireName(), batchId,
                LeaseWriter.truncate(reason, MAX_REASON), name, slot.toEpochMilli());
    }

    void fingerprint(Writing writing, String name, String fingerprint, long batchId) throws SQLException {
        Sql.update(writing.connection(), "UPDATE jd_schedule SET last_fingerprint = ?, fingerprint_batch = ?"
                + " WHERE name = ?", fingerprint, batchId, name);
    }

    private static String definition(Schedule schedule) {
        return ScheduleWriter.fileEntry(schedule).toString();
    }

    private static List<StoredSchedule> select(Connection connection, String sql, Object... values)
            throws SQLException {
        List<StoredSchedule> schedules = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            Sql.bind(select, values);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    long batch = rows.getLong(5);
                    schedules.add(new StoredSchedule(StoredSchedules.read(rows.getString(1), rows.getString(2)),
                            Instant.ofEpochMilli(rows.getLong(3)), rows.getString(4),
                            rows.wasNull() ? null : Long.toString(batch)));
                }
            }
        }
        return schedules;
    }

    private static List<ScheduleFire> fires(Connection connection, String sql, Object... values) throws SQLException {
        List<ScheduleFire> fires = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            Sql.bind(select, values);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    long batch = rows.getLong(5);
                    String batchId = rows.wasNull() ? null : Long.toString(batch);
                    long last = rows.getLong(8);
                    Instant lastSlot = rows.wasNull() ? null : Instant.ofEpochMilli(last);
                    fires.add(new ScheduleFire(rows.getString(1), Instant.ofEpochMilli(rows.getLong(2)),
                            Instant.ofEpochMilli(rows.getLong(3)), FireOutcome.parse(rows.getString(4)), batchId,
                            rows.getString(6), rows.getLong(7), lastSlot, "manual".equals(rows.getString(9))));
                }
            }
        }
        return fires;
    }
}
