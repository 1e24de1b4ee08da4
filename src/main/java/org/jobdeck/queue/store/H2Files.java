package org.jobdeck.queue.store;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.jobdeck.queue.FileModes;
import org.jobdeck.queue.JobdeckHome;
import org.jobdeck.queue.QueueException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What keeps an embedded H2 file database its owner's alone, while Jobdeck's processes share it.
 *
 * <ul>
 *   <li><b>Loopback only.</b> H2's AUTO_SERVER, which lets a second process use a file that the
 *       first has open, listens on every interface unless {@code h2.bindAddress} says otherwise.
 *       Jobdeck sets it to 127.0.0.1 before H2 reads it; if H2 was started another way, the
 *       database is not shared at all rather than shared with the network.</li>
 *   <li><b>A secret.</b> The database's password is a random secret in a file beside it that
 *       only its owner may read ({@link DatabaseSecret}); the port's key in H2's lock file is not
 *       enough to get in. A database made before there were secrets gets one at its next open.</li>
 *   <li><b>File modes.</b> The directory, when Jobdeck creates it or it is the Jobdeck home, is
 *       700; the database file is created 600 before H2 opens it; H2's lock and trace files,
 *       which H2 creates anew, are restricted as soon as the database is open.</li>
 * </ul>
 *
 * A password in the URL or in {@code $JOBDECK_DB_PASSWORD} is the operator's own choice, and
 * replaces the secret.
 */
final class H2Files {
    private static final Logger LOG = LoggerFactory.getLogger(H2Files.class);
    static final String BIND_ADDRESS_PROPERTY = "h2.bindAddress";
    private static final String LOOPBACK = "127.0.0.1";
    private static final String WRONG_PASSWORD = "28000";

    private H2Files() {
    }

    /** Unless the operator chose an address, H2's servers will listen on loopback only. */
    static void bindToLoopback() {
        if (System.getProperty(BIND_ADDRESS_PROPERTY) == null) {
            System.setProperty(BIND_ADDRESS_PROPERTY, LOOPBACK);
        }
    }

    /** The URL to open {@code url}'s file database with: its directory ready, its credentials set. */
    static DatabaseUrl prepare(DatabaseUrl url, Path base) {
        Path directory = base.getParent();
        if (!Files.isDirectory(directory) || JobdeckHome.contains(base)) {
            FileModes.ownerOnlyDirectory(directory);
        }
        Path data = base.resolveSibling(base.getFileName() + ".mv.db");
        try {
            if (!Files.exists(data)) {
                FileModes.createOwnerOnlyFile(data); // H2 takes an empty file as a new database
            }
        } catch (FileAlreadyExistsException raced) {
            // another process created it at this moment: it is theirs to fill
        } catch (IOException e) {
            throw new QueueException("Cannot create the database file " + data + ": " + e.getMessage(), e);
        }
        String jdbcUrl = url.jdbcUrl();
        if (!sharesOnLoopbackOnly()) {
            LOG.warn("H2 listens on {}={}, not on loopback: {} is not shared with other processes",
                    BIND_ADDRESS_PROPERTY, System.getProperty(BIND_ADDRESS_PROPERTY), url.display());
            jdbcUrl = jdbcUrl.replaceAll("(?i);AUTO_SERVER=TRUE", "");
        }
        DatabaseUrl prepared = url.withJdbcUrl(jdbcUrl);
        if (url.credentials().hasPassword()) {
            return prepared;
        }
        String secret = DatabaseSecret.readOrCreate(DatabaseSecret.fileFor(base));
        return prepared.withCredentials(Credentials.of(url.credentials().user(), secret));
    }

    /**
     * Connects with the secret; a database created before secrets existed (its password empty)
     * is given the secret as its password on the way in.
     */
    static Connection connect(DatabaseUrl url, ConnectionFactory connect) throws SQLException {
        try {
            return connect.open(url);
        } catch (SQLException e) {
            if (!WRONG_PASSWORD.equals(e.getSQLState())) {
                throw e;
            }
            Connection legacy;
            try {
                legacy = connect.open(url.withCredentials(Credentials.of(url.credentials().user(), "")));
            } catch (SQLException stillWrong) {
                throw e;
            }
            String secret = url.credentials().secrets().get(Credentials.PASSWORD);
            try (Statement statement = legacy.createStatement()) {
                // The secret is base64url (checked on reading), so it is safe inside quotes.
                statement.execute("SET PASSWORD '" + secret + "'");
            }
            LOG.warn("{} had no password; it now has the secret in {}", url.display(), "its .secret file");
            return legacy;
        }
    }

    /** After the database is open: every file of it restricted to its owner. */
    static void protect(Path base) {
        String name = base.getFileName().toString();
        for (String suffix : List.of(".mv.db", ".trace.db")) {
            FileModes.tightenFile(base.resolveSibling(name + suffix), true);
        }
        // H2 writes its lock file afresh at every start (with the AUTO_SERVER key in it).
        FileModes.tightenFile(base.resolveSibling(name + ".lock.db"), false);
    }

    /** Whether H2's servers (AUTO_SERVER) bind to a loopback address only. */
    static boolean sharesOnLoopbackOnly() {
        String bound = org.h2.engine.SysProperties.BIND_ADDRESS;
        try {
            return bound != null && InetAddress.getByName(bound).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** Opens a connection; {@link Database#connectDirectly} in production. */
    @FunctionalInterface
    interface ConnectionFactory {
        Connection open(DatabaseUrl url) throws SQLException;
    }
}
