package org.jobdeck.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.Map;
import org.jobdeck.api.JobsApiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A token file must belong to the user who reads it (issue 12, item 10): another user could
 * loosen its mode or swap the token. Where the file system has no owners, the check is skipped.
 */
class TokenFileOwnerTest {
    private static final String TOKEN = "token-0123456789-abcdefghij";

    @TempDir
    Path directory;

    private Path ownerOnlyTokenFile() throws IOException {
        Path file = directory.resolve("admin.token");
        Files.writeString(file, TOKEN + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    private static UserPrincipal user(String name) throws IOException {
        return FileSystems.getDefault().getUserPrincipalLookupService().lookupPrincipalByName(name);
    }

    @Test
    void aFileOfTheCurrentUserIsRead() throws IOException {
        Path file = ownerOnlyTokenFile();

        assertThat(CurrentUser.principal()).isEqualTo(Files.getOwner(file));
        assertThat(TokenFile.read(file)).isEqualTo(TOKEN);
    }

    @Test
    void aFileOwnedBySomeoneElseIsRefusedInOneLine() throws IOException {
        Path file = ownerOnlyTokenFile();
        String owner = Files.getOwner(file).getName();
        String other = owner.equals("nobody") ? "daemon" : "nobody";

        assertThatThrownBy(() -> TokenFile.read(file, user(other)))
                .isInstanceOfSatisfying(JobsApiException.class,
                        e -> assertThat(e.code()).isEqualTo(JobsApiException.Code.INVALID_REQUEST))
                .hasMessage("Token file " + file + " is owned by " + owner + ", not by " + other
                        + " who runs Jobdeck: run chown " + other + " " + file)
                .hasMessageNotContaining(TOKEN);
    }

    @Test
    void aFileChownedToAnotherUserIsRefused() throws IOException {
        Path file = ownerOnlyTokenFile();
        try {
            Files.setOwner(file, user("nobody"));
        } catch (IOException notAllowed) {
            assumeTrue(false, "only root can give a file away: " + notAllowed);
        }
        assumeTrue(!CurrentUser.principal().getName().equals("nobody"));

        assertThatThrownBy(() -> TokenFile.read(file))
                .isInstanceOf(JobsApiException.class)
                .hasMessageContaining("is owned by nobody, not by " + CurrentUser.principal().getName());
    }

    @Test
    void aFileSystemWithoutOwnersOrModesIsNotJudged() throws IOException {
        Path zip = directory.resolve("tokens.zip");
        try (FileSystem zipped = FileSystems.newFileSystem(URI.create("jar:" + zip.toUri()), Map.of("create", "true"))) {
            Path file = zipped.getPath("/admin.token");
            Files.writeString(file, TOKEN);

            assertThat(TokenFile.read(file)).isEqualTo(TOKEN);
        }
    }
}
