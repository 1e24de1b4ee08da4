package org.jobdeck.queue.store;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.security.SecureRandom;
import java.util.Base64;
import org.jobdeck.queue.FileModes;
import org.jobdeck.queue.QueueException;

/**
 * The password of an embedded H2 file database, in a file beside it ({@code NAME.secret}) that
 * only its owner may read. Every Jobdeck process of that user reads it to open the database, or
 * to reach it through the process that shares it (AUTO_SERVER); other local users cannot, so the
 * shared port is no use to them. The first process creates it: written to a private temporary
 * file, then linked into place, so a second process starting at the same moment reads the
 * winner's secret, never a half-written one.
 */
final class DatabaseSecret {
    static final String SUFFIX = ".secret";
    private static final SecureRandom RANDOM = new SecureRandom();

    private DatabaseSecret() {
    }

    static Path fileFor(Path database) {
        return database.resolveSibling(database.getFileName() + SUFFIX);
    }

    /** The secret in {@code file}, created first when there is none. */
    static String readOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            return read(file);
        } catch (IOException e) {
            throw new QueueException("Cannot read or create the database secret " + file + ": " + e.getMessage(), e);
        }
    }

    private static void create(Path file) throws IOException {
        Path temporary = FileModes.createOwnerOnlyTempFile(file.getParent(), ".secret-");
        try {
            Files.writeString(temporary, generate() + "\n", StandardCharsets.UTF_8);
            try {
                Files.createLink(file, temporary);
            } catch (FileAlreadyExistsException another) {
                // Another process created it first: use theirs.
            } catch (UnsupportedOperationException noLinks) {
                Files.move(temporary, file);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static String read(Path file) throws IOException {
        requireOwnedByThisUser(file);
        FileModes.tightenFile(file, true);
        String secret = Files.readString(file, StandardCharsets.UTF_8).strip();
        if (secret.length() < 16 || secret.chars().anyMatch(c -> c <= ' ' || c >= 0x7f || c == '\'')) {
            throw new QueueException("The database secret " + file + " is damaged: remove it only together"
                    + " with the database it protects, or restore it");
        }
        return secret;
    }

    /**
     * A secret planted by someone else (in a shared directory such as /tmp) would be known to
     * them: only the user's own file is used.
     */
    private static void requireOwnedByThisUser(Path file) throws IOException {
        UserPrincipal owner;
        try {
            owner = Files.getOwner(file);
        } catch (UnsupportedOperationException noOwners) {
            return;
        }
        UserPrincipal me = FileSystems.getDefault().getUserPrincipalLookupService()
                .lookupPrincipalByName(System.getProperty("user.name"));
        if (!owner.equals(me)) {
            throw new QueueException("The database secret " + file + " belongs to " + owner.getName()
                    + ", not to " + me.getName() + ": Jobdeck uses only a secret of its own user");
        }
    }

    private static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
