package org.jobdeck.queue;

import java.nio.file.Path;

/**
 * Where Jobdeck keeps its own files: the default H2 database and its secret, demo data, the
 * server's generated token. {@code ~/.jobdeck}, or the {@code jobdeck.home} system property
 * (tests point it into target/), or the {@code JOBDECK_HOME} environment variable. It holds
 * secrets and the database, so it is its owner's alone (700): see {@link #ensure()}.
 */
public final class JobdeckHome {
    private JobdeckHome() {
    }

    /** The directory, whether it exists or not. */
    public static Path directory() {
        String property = System.getProperty("jobdeck.home");
        if (property != null && !property.isBlank()) {
            return Path.of(property).toAbsolutePath();
        }
        String env = System.getenv("JOBDECK_HOME");
        if (env != null && !env.isBlank()) {
            return Path.of(env).toAbsolutePath();
        }
        return Path.of(System.getProperty("user.home"), ".jobdeck");
    }

    /**
     * The directory, created as 700 when missing, and tightened to 700 (with a one-line warning)
     * when others may enter it.
     */
    public static Path ensure() {
        return FileModes.ownerOnlyDirectory(directory());
    }

    /** Whether {@code path} lies in the Jobdeck home. */
    public static boolean contains(Path path) {
        return path.toAbsolutePath().normalize().startsWith(directory().toAbsolutePath().normalize());
    }
}
