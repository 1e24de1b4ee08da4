package org.jobdeck.ui.connection;

import java.nio.file.Path;

/**
 * A backend the console can connect to: the embedded queue (a database URL, a catalog file or
 * the built-in catalog, in-process workers) or a REST server (a URL and the path of a file
 * holding its token; the token itself is never stored).
 */
public record ConnectionTarget(Kind kind, String databaseUrl, Path catalogFile, int workers,
                               String serverUrl, Path tokenFile) {
    public enum Kind { EMBEDDED, REST }

    public static ConnectionTarget embedded(String databaseUrl, Path catalogFile, int workers) {
        return new ConnectionTarget(Kind.EMBEDDED, databaseUrl, catalogFile, workers, null, null);
    }

    public static ConnectionTarget rest(String serverUrl, Path tokenFile) {
        return new ConnectionTarget(Kind.REST, null, null, 0, serverUrl, tokenFile);
    }

    /** The embedded default: built-in catalog, default database, one worker per core. */
    public static ConnectionTarget embeddedDefault() {
        return embedded(null, null, Runtime.getRuntime().availableProcessors());
    }

    /** One line for lists and title bars. */
    public String label() {
        if (kind == Kind.REST) {
            return "REST " + serverUrl;
        }
        return "Embedded " + (databaseUrl == null ? "(default database)" : databaseUrl)
                + (catalogFile == null ? "" : " · " + catalogFile.getFileName());
    }
}
