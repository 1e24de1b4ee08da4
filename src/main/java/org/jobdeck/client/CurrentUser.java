package org.jobdeck.client;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;

/**
 * The user this process acts as, as the file system names owners: the owner of a file it has
 * just created. That is the effective user, the one the system checks file access for, whatever
 * {@code -Duser.name} says, and the same kind of principal {@link Files#getOwner} returns (a
 * numeric id where the user has no name, an administrators group for an elevated Windows user).
 * {@code user.name} is only the fallback when no file can be created.
 */
final class CurrentUser {
    private static volatile UserPrincipal principal;
    private static volatile boolean known;

    private CurrentUser() {
    }

    /** The current user's principal, or null when it cannot be found out. */
    static UserPrincipal principal() {
        if (!known) {
            synchronized (CurrentUser.class) {
                if (!known) {
                    principal = probe();
                    known = true;
                }
            }
        }
        return principal;
    }

    private static UserPrincipal probe() {
        try {
            Path probe = Files.createTempFile("jobdeck-owner", ".probe");
            try {
                return Files.getOwner(probe);
            } finally {
                Files.deleteIfExists(probe);
            }
        } catch (IOException | UnsupportedOperationException | SecurityException noTempFile) {
            try {
                return FileSystems.getDefault().getUserPrincipalLookupService()
                        .lookupPrincipalByName(System.getProperty("user.name"));
            } catch (IOException | UnsupportedOperationException | NullPointerException unknown) {
                return null;
            }
        }
    }
}
