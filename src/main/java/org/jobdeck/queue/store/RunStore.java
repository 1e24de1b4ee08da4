package org.jobdeck.queue.store;

import java.time.Clock;
import org.jobdeck.queue.RunState;

/**
 * The durable queue on one JDBC database (H2 or PostgreSQL), in four parts by who uses them:
 * {@link #batches()} (enqueue), {@link #leases()} (the workers), {@link #commands()} (operators)
 * and {@link #reads()} (the faces, the change feed and change notification); beside them the
 * {@link #schedules()}. Every write is one
 * transaction, guarded by the states it may come from ({@link RunState}), so a change that lost a
 * race changes nothing; its times come from one clock, the database's ({@link StoreTime}).
 */
public final class RunStore {
    private final StoreContext context;
    private final RunReads reads;
    private final BatchWriter batches;
    private final LeaseWriter leases;
    private final OperatorCommands commands;
    private final ScheduleStore schedules;
    private final RunLog log;

    /** The store on the database's own clock: what every process runs with. */
    public RunStore(Database database) {
        this(database, StoreTime.database(database.dataSource(), database.dialect()), database.dialect());
    }

    /** The store on a clock of the caller's (tests that move time by hand). */
    public RunStore(Database database, Clock clock) {
        this(database, StoreTime.clock(clock), database.dialect());
    }

    /** The store with its clock and dialect chosen (a compatibility test runs the portable dialect on PostgreSQL). */
    public RunStore(Database database, StoreTime time, Dialect dialect) {
        this.context = new StoreContext(database, time, dialect);
        this.reads = new RunReads(context);
        this.batches = new BatchWriter(context, reads);
        this.leases = new LeaseWriter(context);
        this.commands = new OperatorCommands(context, reads);
        this.schedules = new ScheduleStore(context, batches);
        this.log = new RunLog(context.tx, time);
    }

    public BatchWriter batches() {
        return batches;
    }

    public LeaseWriter leases() {
        return leases;
    }

    public OperatorCommands commands() {
        return commands;
    }

    public RunReads reads() {
        return reads;
    }

    public ScheduleStore schedules() {
        return schedules;
    }

    public RunLog log() {
        return log;
    }

    public Database database() {
        return context.database;
    }

    /** Now, by the store's clock, for what Java says about runs; statements use the clock in SQL. */
    public long now() {
        return context.time.millis();
    }
}
