package org.jobdeck.core.schedule;

import java.time.Duration;

/**
 * An SQL probe, run on the queue's database: its first row is the fingerprint.
 *
 * @param sql     one SELECT (or WITH … SELECT), checked by {@link ProbeSql}
 * @param timeout how long it may run; null means {@link ChangeProbe#DEFAULT_TIMEOUT}
 */
public record SqlProbe(String sql, Duration timeout) implements ChangeProbe {
    /** @throws ScheduleException (field {@link ScheduleField#CONDITION}) naming what and where */
    public SqlProbe {
        ProbeSql.check(sql);
        timeout = ChangeProbe.checkTimeout(timeout);
    }

    public static SqlProbe of(String sql) {
        return new SqlProbe(sql, null);
    }

    @Override
    public String summary() {
        return "sql: " + sql.strip().replaceAll("\\s+", " ");
    }
}
