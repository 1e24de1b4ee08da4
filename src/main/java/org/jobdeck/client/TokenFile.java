package org.jobdeck.client;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;
import org.jobdeck.api.JobsApiException;
import org.jobdeck.api.JobsApiException.Code;

/**
 * A file that holds a bearer token, as {@code jobdeck serve} writes it and as the CLI and the
 * console read it. The token is a password: a file that others may read or write, or that
 * another user owns (who could loosen its mode, or swap in a token of theirs), is refused, as ssh
 * refuses such a private key. Errors are one line, naming the file but never its content.
 * Where the file system knows no POSIX modes or no owners, that check is skipped.
 */
public final class TokenFile {
    private static final Set<PosixFilePermission> OTHERS = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE);

    private TokenFile() {
    }

    /**
     * The token in the file, without surrounding white space.
     *
     * @throws JobsApiException INVALID_REQUEST when the file is missing, unreadable, empty, or
     *                          readable or writable by others than its owner
     */
    public static String read(Path file) {
        return read(file, CurrentUser.principal());
    }

    /**
     * @param currentUser who must own the file, or null when that cannot be known
     */
    static String read(Path file, UserPrincipal currentUser) {
        String text;
        try {
            requireOwnedBy(file, currentUser);
            requireOwnerOnly(file);
            text = Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (NoSuchFileException e) {
            throw invalid("Token file not found: " + file);
        } catch (IOException e) {
            throw invalid("Cannot read token file " + file + ": " + e.getMessage());
        }
        if (text.isEmpty()) {
            throw invalid("Token file is empty: " + file);
        }
        if (text.chars().anyMatch(c -> c <= ' ' || c >= 0x7f)) {
            throw invalid("Token file " + file + " must hold one token: printable ASCII, no spaces");
        }
        return text;
    }

    private static void requireOwnedBy(Path file, UserPrincipal currentUser) throws IOException {
        if (currentUser == null) {
            return;
        }
        UserPrincipal owner;
        try {
            owner = Files.getOwner(file);
        } catch (UnsupportedOperationException noOwners) {
            return; // a file system without owners: nothing to compare
        }
        if (!owner.equals(currentUser)) {
            throw invalid("Token file " + file + " is owned by " + owner.getName() + ", not by "
                    + currentUser.getName() + " who runs Jobdeck: run chown " + currentUser.getName() + " " + file);
        }
    }

    private static void requireOwnerOnly(Path file) throws IOException {
        Set<PosixFilePermission> permissions;
        try {
            permissions = Files.getPosixFilePermissions(file);
        } catch (UnsupportedOperationException notPosix) {
            return; // no POSIX permissions to judge (e.g. Windows): the ACLs are the owner's business
        }
        if (permissions.stream().anyMatch(OTHERS::contains)) {
            throw invalid("Token file " + file + " is accessible to others ("
                    + PosixFilePermissions.toString(permissions) + "): run chmod 600 " + file);
        }
    }

    private static JobsApiException invalid(String message) {
        return new JobsApiException(Code.INVALID_REQUEST, message);
    }
}
