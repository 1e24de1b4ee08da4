package org.jobdeck.queue.store;

/**
 * The few SQL differences between H2 2.x and PostgreSQL. Everything else is written once.
 * (H2 has {@code FOR UPDATE SKIP LOCKED} but no {@code UPDATE … RETURNING}, so the store never
 * uses RETURNING.)
 */
public interface Dialect {
    /** A query returning {@code ?} fresh values of a sequence, one per row. */
    String nextValues(String sequence);

    String name();

    Dialect H2 = new Dialect() {
        @Override
        public String nextValues(String sequence) {
            return "SELECT NEXT VALUE FOR " + sequence + " FROM SYSTEM_RANGE(1, ?)";
        }

        @Override
        public String name() {
            return "H2";
        }
    };

    Dialect POSTGRESQL = new Dialect() {
        @Override
        public String nextValues(String sequence) {
            return "SELECT nextval('" + sequence + "') FROM generate_series(1, ?)";
        }

        @Override
        public String name() {
            return "PostgreSQL";
        }
    };
}
