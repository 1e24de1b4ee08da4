package org.jobdeck.queue.store;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Run changes in the order their transactions committed, from any position on, each change once.
 * A position is a token this class gives out and reads back (an event id, a cursor); its form is
 * the dialect's. Reading from a position returns every run changed by a transaction that
 * committed after it, as the run is now, and nothing committed before it.
 */
public interface ChangeFeed {
    /** The position after every change committed so far. */
    String head(Connection connection) throws SQLException;

    /**
     * The changes after {@code position}, at most {@code limit} runs.
     *
     * @throws org.jobdeck.queue.InvalidChangePositionException when this database never gave out
     *         {@code position}
     */
    ChangePage read(Connection connection, String position, int limit) throws SQLException;

    /**
     * As {@link #read(Connection, String, int)}, but only the changes up to {@code upTo} (a
     * position given out earlier; null for now). Nothing when {@code upTo} is not after
     * {@code position}. A reader catching up with another reader's position reads exactly what
     * lies between the two.
     */
    ChangePage read(Connection connection, String position, String upTo, int limit) throws SQLException;
}
