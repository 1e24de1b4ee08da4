package org.jobdeck.queue.store;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jobdeck.queue.QueueException;

/**
 * Where an H2 database lives, read from its URL: in memory, in a file of this machine, or on an
 * H2 server ({@code tcp://}, {@code ssl://}). Only a file database gets Jobdeck's sharing and
 * protection ({@link H2Files}): a memory database has no file, and a server is someone else's.
 *
 * @param file    the database's base path (H2 adds {@code .mv.db}), for a file database
 * @param jdbcUrl the URL completed with Jobdeck's settings
 */
public record H2Location(Kind kind, Path file, String jdbcUrl) {
    public enum Kind { MEMORY, FILE, SERVER }

    private static final String PREFIX = "jdbc:h2:";
    /**
     * H2's file system that writes through an AsynchronousFileChannel. A plain FileChannel is
     * closed for good when a thread is interrupted while it writes, and with it the database,
     * for every thread of the process. Jobdeck interrupts handler threads to stop cancelled and
     * timed-out runs, and those threads write to the database (progress, logs, outcomes).
     */
    private static final String ASYNC = "async:";
    private static final List<String> FILE_PREFIXES = List.of("file:", ASYNC);

    static H2Location of(String url, String shown) {
        String rest = url.substring(PREFIX.length());
        int settings = rest.indexOf(';');
        String name = settings < 0 ? rest : rest.substring(0, settings);
        if (name.isBlank()) {
            throw new QueueException("Database URL " + shown + " names no database (e.g. jdbc:h2:/tmp/jobdeck)");
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.startsWith("mem:")) {
            return new H2Location(Kind.MEMORY, null, withDefaults(url, false));
        }
        if (lower.startsWith("tcp:") || lower.startsWith("ssl:")) {
            return new H2Location(Kind.SERVER, null, withDefaults(url, false));
        }
        String path = name;
        for (String prefix : FILE_PREFIXES) {
            if (lower.startsWith(prefix)) {
                path = name.substring(prefix.length());
            }
        }
        if (path.indexOf(':') > 1) { // zip:, split:, nio… (a Windows drive letter is one character)
            throw new QueueException("Database URL " + shown + " is not an H2 file, mem: or tcp: database");
        }
        String options = rest.substring(name.length());
        return new H2Location(Kind.FILE, resolve(path), withDefaults(PREFIX + ASYNC + path + options, true));
    }

    /** The base path as H2 reads it: {@code ~} is the user's home, anything else as the file system says. */
    private static Path resolve(String path) {
        if (path.equals("~") || path.startsWith("~/") || path.startsWith("~\\")) {
            return Path.of(System.getProperty("user.home") + path.substring(1)).toAbsolutePath().normalize();
        }
        return Path.of(path).toAbsolutePath().normalize();
    }

    public Optional<Path> filePath() {
        return Optional.ofNullable(file);
    }

    /**
     * Row locks wait longer than H2's default of one second (completions of a fan-in contend on
     * one row). A file database is shared between processes (AUTO_SERVER, on loopback only: see
     * {@link H2Files}) and writes each commit before it returns (WRITE_DELAY=0): H2's default
     * delay of half a second loses confirmed work when the process is killed.
     */
    private static String withDefaults(String url, boolean file) {
        String upper = url.toUpperCase(Locale.ROOT);
        StringBuilder result = new StringBuilder(url);
        if (!upper.contains(";LOCK_TIMEOUT=")) {
            result.append(";LOCK_TIMEOUT=10000");
        }
        if (file && !upper.contains(";AUTO_SERVER=")) {
            result.append(";AUTO_SERVER=TRUE");
        }
        if (file && !upper.contains(";WRITE_DELAY=")) {
            result.append(";WRITE_DELAY=0");
        }
        return result.toString();
    }
}
