package org.jobdeck.queue;

import java.nio.file.Path;

/**
 * Where Jobdeck keeps its own files: the default H2 database, demo data, the server's generated
 * token, console preferences. {@code ~/.jobdeck}, or the {@code jobdeck.home} system property
 * (tests point it into target/), or the {@code JOBDECK_HOME} environment variable.
 */
public final class JobdeckHome {
    private JobdeckHome() {
    }

    public static Path directory() {
        String property = System.getProperty("jobdeck.home");
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        String env = System.getenv("JOBDECK_HOME");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        return Path.of(System.getProperty("user.home"), ".jobdeck");
    }
}
