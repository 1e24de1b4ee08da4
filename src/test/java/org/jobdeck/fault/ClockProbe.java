package org.jobdeck.fault;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Prints this JVM's clock and the database's, in epoch milliseconds, read one right after the
 * other, and how long timed waits of {@link #PARKED_MILLIS} in all took: {@link FakeTime} starts
 * it with a skewed clock to see that the skew took effect and that waits still wait.
 */
public final class ClockProbe {
    static final long PARKED_MILLIS = 200;
    private static final int PARKS = 10;

    private ClockProbe() {
    }

    public static void main(String[] args) throws Exception {
        long start = System.nanoTime();
        for (int i = 0; i < PARKS; i++) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(PARKED_MILLIS / PARKS));
        }
        long parked = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        try (Connection connection = DriverManager.getConnection(args[0]);
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT (EXTRACT(EPOCH FROM clock_timestamp()) * 1000)::bigint")) {
            row.next();
            long database = row.getLong(1);
            System.out.println("local=" + System.currentTimeMillis() + " database=" + database + " parked=" + parked);
        }
    }
}
