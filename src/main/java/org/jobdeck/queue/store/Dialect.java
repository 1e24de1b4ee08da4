package org.jobdeck.queue.store;

/**
 * The few SQL differences between H2 2.x and PostgreSQL. Everything else is written once.
 * (H2 has {@code FOR UPDATE SKIP LOCKED} but no {@code UPDATE … RETURNING}: on H2 a claim
 * selects, updates, then reads; on PostgreSQL it is one statement.)
 */
public interface Dialect {
    /** A query returning {@code ?} fresh values of a sequence, one per row. */
    String nextValues(String sequence);

    /** Whether {@code UPDATE … RETURNING} exists. */
    boolean updateReturning();

    /**
     * Whether array parameters ({@code = ANY(?)}, {@code unnest(?::bigint[])}) exist: then a set
     * of runs is one statement with one text, prepared once, whatever its size.
     */
    boolean arrayParameters();

    String name();

    Dialect H2 = new Dialect() {
        @Override
        public String nextValues(String sequence) {
            return "SELECT NEXT VALUE FOR " + sequence + " FROM SYSTEM_RANGE(1, ?)";
        }

        @Override
        public boolean updateReturning() {
            return false;
        }

        @Override
        public boolean arrayParameters() {
            return false;
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
        public boolean updateReturning() {
            return true;
        }

        @Override
        public boolean arrayParameters() {
            return true;
        }

        @Override
        public String name() {
            return "PostgreSQL";
        }
    };
}
