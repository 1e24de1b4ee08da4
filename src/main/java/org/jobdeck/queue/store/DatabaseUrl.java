package org.jobdeck.queue.store;

import java.nio.file.Path;
import java.util.Locale;
import org.jobdeck.queue.QueueException;

/**
 * A database URL as the user gave it ({@code given}), checked, completed with Jobdeck's
 * settings ({@code jdbcUrl}) and made safe to print ({@link #display()}).
 *
 * <p>Accepted: {@code jdbc:h2:…} (file or mem) and {@code jdbc:postgresql://…}. The default is the
 * H2 file {@code ~/.jobdeck/jobdeck} (see {@link org.jobdeck.queue.JobdeckHome}), or {@code $JOBDECK_DB}. A password is never printed: it is
 * masked in {@link #display()}, and may instead come from {@code $JOBDECK_DB_PASSWORD}.
 */
public record DatabaseUrl(String jdbcUrl, Dialect dialect, String given) {
    public static final String ENV_URL = "JOBDECK_DB";
    public static final String ENV_PASSWORD = "JOBDECK_DB_PASSWORD";

    public static DatabaseUrl parse(String url) {
        if (url == null || url.isBlank()) {
            throw new QueueException("Database URL is empty (use jdbc:h2:FILE or jdbc:postgresql://HOST/DB)");
        }
        String trimmed = url.trim();
        String lower = trimmed.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:h2:")) {
            String rest = trimmed.substring("jdbc:h2:".length());
            if (rest.isBlank() || rest.startsWith(";")) {
                throw new QueueException("Database URL " + trimmed + " names no database (e.g. jdbc:h2:/tmp/jobdeck)");
            }
            return new DatabaseUrl(withH2Defaults(trimmed), Dialect.H2, trimmed);
        }
        if (lower.startsWith("jdbc:postgresql:")) {
            if (!lower.startsWith("jdbc:postgresql://") || trimmed.length() <= "jdbc:postgresql://".length()) {
                throw new QueueException("Database URL " + mask(trimmed)
                        + " is incomplete (expected jdbc:postgresql://HOST[:PORT]/DATABASE)");
            }
            return new DatabaseUrl(trimmed, Dialect.POSTGRESQL, trimmed);
        }
        throw new QueueException("Unsupported database URL: " + mask(trimmed)
                + " (use jdbc:h2:FILE or jdbc:postgresql://HOST[:PORT]/DATABASE)");
    }

    /** $JOBDECK_DB, else the H2 file ~/.jobdeck/jobdeck. */
    public static DatabaseUrl defaultUrl() {
        String env = System.getenv(ENV_URL);
        if (env != null && !env.isBlank()) {
            return parse(env);
        }
        Path file = org.jobdeck.queue.JobdeckHome.directory().resolve("jobdeck");
        return parse("jdbc:h2:" + file);
    }

    /** The URL as the user gave it, with any password replaced by ***. */
    public String display() {
        return mask(given);
    }

    public boolean isEmbedded() {
        return dialect == Dialect.H2;
    }

    /**
     * The URL without any password, for remembering it (preferences never hold secrets; the
     * password comes from {@code $JOBDECK_DB_PASSWORD} instead).
     */
    public static String withoutPassword(String url) {
        return url.replaceAll("(?i)[?&;]password=[^&;]*", "")
                .replaceAll("(//[^/:@]+):[^@/]*@", "$1@");
    }

    static String mask(String url) {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***")
                .replaceAll("(//[^/:@]+:)[^@/]*@", "$1***@");
    }

    /**
     * H2 file databases are shared between the console and the CLI (AUTO_SERVER), and wait for
     * row locks longer than H2's default of one second: completions of a fan-in contend on
     * one row.
     */
    private static String withH2Defaults(String url) {
        String upper = url.toUpperCase(Locale.ROOT);
        StringBuilder result = new StringBuilder(url);
        if (!upper.contains("LOCK_TIMEOUT")) {
            result.append(";LOCK_TIMEOUT=10000");
        }
        boolean inMemory = upper.startsWith("JDBC:H2:MEM:");
        if (!inMemory && !upper.contains("AUTO_SERVER")) {
            result.append(";AUTO_SERVER=TRUE");
        }
        return result.toString();
    }
}
