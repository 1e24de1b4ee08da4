package org.jobdeck.ui;

import java.nio.file.Path;
import org.jobdeck.ui.connection.ConnectionTarget;

/** How the console was started: what to connect to first. */
public record ConsoleOptions(ConnectionTarget target) {
    public static ConsoleOptions embedded(String databaseUrl, Path catalogFile, int workers) {
        return new ConsoleOptions(ConnectionTarget.embedded(databaseUrl, catalogFile, workers));
    }
}
