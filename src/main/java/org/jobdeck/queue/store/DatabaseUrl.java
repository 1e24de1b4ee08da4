package org.jobdeck.queue.store;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import org.jobdeck.queue.JobdeckHome;
import org.jobdeck.queue.QueueException;

/**
 * A database URL as the user gave it, checked, completed with Jobdeck's settings, and split into
 * a URL without secrets ({@link #jdbcUrl()}) and the {@link Credentials} passed beside it.
 *
 * <p>Accepted: {@code jdbc:h2:…} (a file, {@code mem:}, or {@code tcp://} to an H2 server) and
 * {@code jdbc:postgresql://…}. The default is the H2 file {@code ~/.jobdeck/jobdeck} (see
 * {@link JobdeckHome}), or {@code $JOBDECK_DB}.
 *
 * <p>A password never leaves this class inside a URL: it is taken out of every form a user may
 * write ({@code //user:password@host}, {@code ?password=}, {@code &password=}, H2's
 * {@code ;PASSWORD=}) and handed to the driver as a connection property, so that neither the
 * driver, HikariCP nor Flyway can echo it in a message or a log line. {@link #display()} and
 * {@link #toString()} show the URL with the password as {@code ***}, and {@link #redact} takes it
 * out of any other text. It may also come from {@code $JOBDECK_DB_PASSWORD}.
 */
public final class DatabaseUrl {
    public static final String ENV_URL = "JOBDECK_DB";
    public static final String ENV_PASSWORD = "JOBDECK_DB_PASSWORD";
    private static final String H2 = "jdbc:h2:";
    private static final String POSTGRESQL = "jdbc:postgresql:";

    static {
        // Before any H2 database opens, so that H2's AUTO_SERVER reads it: loopback only.
        H2Files.bindToLoopback();
    }

    private final String jdbcUrl;
    private final Dialect dialect;
    private final String display;
    private final Credentials credentials;
    private final H2Location h2;

    private DatabaseUrl(String jdbcUrl, Dialect dialect, String display, Credentials credentials, H2Location h2) {
        this.jdbcUrl = jdbcUrl;
        this.dialect = dialect;
        this.display = display;
        this.credentials = credentials;
        this.h2 = h2;
    }

    public static DatabaseUrl parse(String url) {
        return parse(url, System.getenv(ENV_PASSWORD));
    }

    /** @param environmentPassword the password from the environment, or null */
    static DatabaseUrl parse(String url, String environmentPassword) {
        if (url == null || url.isBlank()) {
            throw new QueueException("Database URL is empty (use jdbc:h2:FILE or jdbc:postgresql://HOST/DB)");
        }
        UrlCredentials split = UrlCredentials.split(url.strip());
        Credentials credentials = split.credentials().orPassword(environmentPassword);
        String shown = split.masked();
        String lower = split.url().toLowerCase(Locale.ROOT);
        if (lower.startsWith(H2)) {
            H2Location location = H2Location.of(split.url(), shown);
            return new DatabaseUrl(location.jdbcUrl(), Dialect.H2, shown, credentials, location);
        }
        if (lower.startsWith(POSTGRESQL)) {
            if (!lower.startsWith("jdbc:postgresql://") || split.url().length() <= "jdbc:postgresql://".length()) {
                throw new QueueException("Database URL " + shown
                        + " is incomplete (expected jdbc:postgresql://HOST[:PORT]/DATABASE)");
            }
            return new DatabaseUrl(split.url(), Dialect.POSTGRESQL, shown, credentials, null);
        }
        throw new QueueException("Unsupported database URL: " + shown
                + " (use jdbc:h2:FILE or jdbc:postgresql://HOST[:PORT]/DATABASE)");
    }

    /** $JOBDECK_DB, else the H2 file ~/.jobdeck/jobdeck. */
    public static DatabaseUrl defaultUrl() {
        String env = System.getenv(ENV_URL);
        if (env != null && !env.isBlank()) {
            return parse(env);
        }
        Path file = JobdeckHome.directory().resolve("jobdeck");
        return parse(H2 + file);
    }

    /** The URL for the driver: Jobdeck's settings added, every password taken out. */
    public String jdbcUrl() {
        return jdbcUrl;
    }

    public Dialect dialect() {
        return dialect;
    }

    /** The URL as the user gave it, with any password replaced by ***. */
    public String display() {
        return display;
    }

    public Credentials credentials() {
        return credentials;
    }

    /** Where an H2 database lives (file, memory or server); empty for PostgreSQL. */
    public Optional<H2Location> h2() {
        return Optional.ofNullable(h2);
    }

    public boolean isEmbedded() {
        return dialect == Dialect.H2;
    }

    /** The same database with other credentials (an embedded H2 file's own secret, say). */
    DatabaseUrl withCredentials(Credentials other) {
        return new DatabaseUrl(jdbcUrl, dialect, display, other, h2);
    }

    /** The same database at a URL with other settings (the same secrets). */
    DatabaseUrl withJdbcUrl(String other) {
        return new DatabaseUrl(other, dialect, display, credentials, h2);
    }

    /** The driver's connection properties: user and password, when there are any. */
    Properties connectionProperties() {
        return credentials.asProperties();
    }

    /** {@code text} with this URL's password, in every spelling it was given, replaced by ***. */
    public String redact(String text) {
        return credentials.redact(UrlCredentials.maskAll(text));
    }

    /**
     * The URL without any password, for remembering it (preferences never hold secrets; the
     * password comes from {@code $JOBDECK_DB_PASSWORD} instead).
     */
    public static String withoutPassword(String url) {
        return UrlCredentials.split(url.strip()).remembered();
    }

    /** Any database URLs in {@code text} with their passwords replaced by ***. */
    static String mask(String text) {
        return UrlCredentials.maskAll(text);
    }

    @Override
    public String toString() {
        return display;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DatabaseUrl that && jdbcUrl.equals(that.jdbcUrl) && credentials.equals(that.credentials);
    }

    @Override
    public int hashCode() {
        return jdbcUrl.hashCode();
    }
}
