package org.jobdeck.demo;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * The {@code demo} schema, migrated by its own Flyway instance and history table so it never
 * touches the queue's ({@code jd_schema_history} in the default schema).
 */
final class DemoSchema {
    static final String LOCATION = "classpath:org/jobdeck/demo/db/migration";
    static final String HISTORY_TABLE = "demo_schema_history";

    private final DataSource dataSource;

    DemoSchema(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    void migrate() {
        try {
            Flyway.configure()
                    .dataSource(dataSource)
                    .locations(LOCATION)
                    .schemas(schemaName())
                    .table(HISTORY_TABLE)
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            throw new DemoDataException("Cannot create the demo schema: " + firstLine(e), e);
        }
    }

    /** Drops the schema with every table in it, the history included. */
    void drop() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS demo CASCADE");
        } catch (SQLException e) {
            throw new DemoDataException("Cannot drop the demo schema: " + firstLine(e), e);
        }
    }

    /**
     * "demo" as the database folds unquoted names: Flyway quotes the name it is given, and the
     * SQL writes {@code demo.x} unquoted, which H2 reads as DEMO and PostgreSQL as demo.
     */
    private String schemaName() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().storesUpperCaseIdentifiers() ? "DEMO" : "demo";
        } catch (SQLException e) {
            throw new DemoDataException("Cannot reach the database for the demo schema: " + firstLine(e), e);
        }
    }

    private static String firstLine(Exception e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}
