package org.jobdeck.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.jobdeck.api.JobsApiException;
import org.jobdeck.ui.connection.BackendOpener;
import org.jobdeck.ui.connection.ConnectionTarget;
import org.jobdeck.ui.connection.DefaultBackendOpener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The console's Connection dialog, REST option: the opener reads the token file and the server's catalog. */
class RestConnectionTest extends ServerFixture {
    @TempDir
    Path dir;

    private Path tokenFile(String token) throws Exception {
        Path file = dir.resolve("token");
        Files.writeString(file, token + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }

    @Test
    void theConsoleConnectsWithTheTokenFromTheFileAndTheServersCatalog() throws Exception {
        try (BackendOpener.Connection connection = new DefaultBackendOpener()
                .open(ConnectionTarget.rest(server.url(), tokenFile(READER)))) {
            assertThat(connection.isUsable()).isTrue();
            assertThat(connection.catalog().isValid()).isTrue();
            assertThat(connection.catalog().toCatalog().jobs()).hasSize(17);
            assertThat(connection.api().describe()).isEqualTo("REST " + server.url());
            assertThat(connection.api().groups().total()).isEqualTo(17);
        }
    }

    @Test
    void aWrongTokenOrAMissingFileIsAnErrorTheDialogCanShow() throws Exception {
        assertThatThrownBy(() -> new DefaultBackendOpener().open(
                ConnectionTarget.rest(server.url(), tokenFile("not-the-right-token"))))
                .isInstanceOfSatisfying(JobsApiException.class,
                        e -> assertThat(e.code()).isEqualTo(JobsApiException.Code.UNAUTHORIZED));
        assertThatThrownBy(() -> new DefaultBackendOpener().open(
                ConnectionTarget.rest(server.url(), dir.resolve("missing"))))
                .hasMessage("Token file not found: " + dir.resolve("missing"));
    }
}
