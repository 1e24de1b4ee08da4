package org.jobdeck.queue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Files and directories that only their owner may use: Jobdeck's home (700), its database files,
 * tokens and secrets (600). Created that way, so that nothing is ever readable by others, not
 * even for a moment; tightened, with a one-line warning, when found looser. On a file system
 * without POSIX permissions (Windows) the ACLs are the owner's business and nothing is changed.
 */
public final class FileModes {
    private static final Logger LOG = LoggerFactory.getLogger(FileModes.class);
    public static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");
    public static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OTHERS = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private FileModes() {
    }

    /** Creates the directory (and any missing parents) as 700, or tightens it to 700 with a warning. */
    public static Path ownerOnlyDirectory(Path directory) {
        try {
            if (Files.isDirectory(directory)) {
                tighten(directory, OWNER_ONLY_DIRECTORY, true);
            } else {
                Files.createDirectories(directory, attribute(OWNER_ONLY_DIRECTORY));
            }
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + directory + ": " + e.getMessage(), e);
        }
    }

    /**
     * Makes an existing file 600.
     *
     * @param warn whether to warn when it was looser (not for files a library creates afresh on
     *             every start, such as H2's lock file)
     * @return whether the mode was changed
     */
    public static boolean tightenFile(Path file, boolean warn) {
        try {
            return Files.exists(file) && tighten(file, OWNER_ONLY_FILE, warn);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot restrict " + file + " to its owner: " + e.getMessage(), e);
        }
    }

    /** Whether the file or directory may be read, written or entered by anyone but its owner. */
    public static boolean openToOthers(Path path) throws IOException {
        try {
            return Files.getPosixFilePermissions(path).stream().anyMatch(OTHERS::contains);
        } catch (UnsupportedOperationException notPosix) {
            return false;
        }
    }

    /** A new, empty file that only its owner may read and write; fails if it exists. */
    public static Path createOwnerOnlyFile(Path file) throws IOException {
        return Files.createFile(file, attribute(OWNER_ONLY_FILE));
    }

    /** A new, empty temporary file in {@code directory} that only its owner may read and write. */
    public static Path createOwnerOnlyTempFile(Path directory, String prefix) throws IOException {
        return Files.createTempFile(directory, prefix, ".tmp", attribute(OWNER_ONLY_FILE));
    }

    private static boolean tighten(Path path, Set<PosixFilePermission> wanted, boolean warn) throws IOException {
        Set<PosixFilePermission> now;
        try {
            now = Files.getPosixFilePermissions(path);
        } catch (UnsupportedOperationException notPosix) {
            return false;
        }
        if (now.stream().noneMatch(OTHERS::contains)) {
            return false;
        }
        Files.setPosixFilePermissions(path, wanted);
        if (warn) {
            LOG.warn("{} was accessible to others ({}); restricted it to its owner ({})", path,
                    PosixFilePermissions.toString(now), PosixFilePermissions.toString(wanted));
        }
        return true;
    }

    private static FileAttribute<?>[] attribute(Set<PosixFilePermission> permissions) {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return new FileAttribute<?>[0];
        }
        return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(permissions)};
    }
}
