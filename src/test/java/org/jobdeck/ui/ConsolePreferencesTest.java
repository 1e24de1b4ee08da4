package org.jobdeck.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.prefs.Preferences;
import org.jobdeck.ui.connection.ConnectionTarget;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ConsolePreferencesTest {
    private final Preferences node = Preferences.userRoot().node("org/jobdeck/prefs-test-" + System.nanoTime());
    private final ConsolePreferences preferences = new ConsolePreferences(node);

    @AfterEach
    void clean() throws Exception {
        node.removeNode();
    }

    @Test
    void aRememberedDatabaseUrlKeepsNoPassword() throws Exception {
        preferences.remember(ConnectionTarget.embedded(
                "jdbc:postgresql://db.example:5432/jobs?user=ops&password=hunter2&ssl=true", null, 4));
        preferences.remember(ConnectionTarget.embedded("jdbc:postgresql://ops:s3cret@db.example/jobs", null, 2));

        for (String key : node.keys()) {
            assertThat(node.get(key, "")).doesNotContain("hunter2").doesNotContain("s3cret");
        }
        assertThat(preferences.recentConnections()).extracting(ConnectionTarget::databaseUrl).containsExactly(
                "jdbc:postgresql://ops@db.example/jobs",
                "jdbc:postgresql://db.example:5432/jobs?user=ops&ssl=true");
    }

    @Test
    void aRestServerIsRememberedByItsTokenFilesPathOnly() {
        preferences.remember(ConnectionTarget.rest("http://127.0.0.1:8080", Path.of("/home/ops/.jobdeck/admin.token")));

        ConnectionTarget recent = preferences.recentConnections().get(0);
        assertThat(recent.serverUrl()).isEqualTo("http://127.0.0.1:8080");
        assertThat(recent.tokenFile()).isEqualTo(Path.of("/home/ops/.jobdeck/admin.token"));
    }

    @Test
    void theSameConnectionIsRememberedOnceAndMostRecentFirst() {
        ConnectionTarget a = ConnectionTarget.embedded("jdbc:h2:/tmp/a", null, 2);
        ConnectionTarget b = ConnectionTarget.embedded("jdbc:h2:/tmp/b", null, 2);

        preferences.remember(a);
        preferences.remember(b);
        preferences.remember(a);

        assertThat(preferences.recentConnections()).containsExactly(a, b);
    }
}
