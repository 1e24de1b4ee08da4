package org.jobdeck.queue.store;

import java.sql.SQLException;
import java.util.Collection;

/**
 * What the store's parts share: the database, its dialect, the clock the statements read, the
 * transactions and the change signals. A change is one transaction, durable when it returns when
 * someone is told of it, and heard by this process's listeners (and woken other processes) after
 * it commits.
 */
final class StoreContext {
    final Database database;
    final Dialect dialect;
    final StoreTime time;
    final Transactions tx;
    final ChangeSignals signals;

    StoreContext(Database database, StoreTime time, Dialect dialect) {
        this.database = database;
        this.dialect = dialect;
        this.time = time;
        this.tx = new Transactions(database.dataSource(), database::forceToDisk);
        this.signals = new ChangeSignals(database);
    }

    /** One transaction's work, written with its {@link Writing}. */
    @FunctionalInterface
    interface Work<T> {
        T run(Writing writing) throws SQLException;
    }

    /** A change that queues, ends or hands back runs: durable, and it wakes other processes. */
    <T> T change(Work<T> work) {
        return change(work, true, true);
    }

    <T> T change(Work<T> work, boolean wakeOthers, boolean durable) {
        Transactions.Work<T> transaction = connection -> {
            T value = work.run(new Writing(connection, this));
            if (wakeOthers) {
                database.signalChange(connection);
            }
            return value;
        };
        T result = durable ? tx.inDurableTransaction(transaction) : tx.inTransaction(transaction);
        signals.changed();
        return result;
    }

    /**
     * A transaction that may change nothing (a claim that found no run, a reclaim that found no
     * expired lease): listeners hear of it only if it changed something. Otherwise an idle
     * dispatcher, woken by its own empty claim, would claim again at once, forever.
     */
    <T extends Collection<?>> T changeIfAny(Work<T> work) {
        T result = tx.inTransaction(connection -> work.run(new Writing(connection, this)));
        if (!result.isEmpty()) {
            signals.changed();
        }
        return result;
    }

    <T> T read(Transactions.Work<T> work) {
        return tx.read(work);
    }
}
