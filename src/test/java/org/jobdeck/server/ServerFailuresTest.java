package org.jobdeck.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A failure of the server's own (5xx) reaches the client as a generic message with an error
 * id, and the server log has the details under that id (issue 12, items 6 and 10). The database
 * closing under a running server stands in for every failure that is not the client's.
 */
class ServerFailuresTest extends ServerFixture {
    private static final Pattern ERROR_ID = Pattern.compile("\\(error id ([0-9a-f]{8})\\)");

    @Test
    void aDatabaseFailureIs503WithAnErrorIdAndNoDatabaseMessage() throws Exception {
        backend.store().database().close();

        try (CapturedLog log = new CapturedLog()) {
            Answer answer = get("/api/admin/jobs/runs", ADMIN);

            assertThat(answer.status()).isEqualTo(503);
            assertThat(answer.errorCode()).isEqualTo("unavailable");
            Matcher id = ERROR_ID.matcher(answer.errorMessage());
            assertThat(id.find()).as(answer.errorMessage()).isTrue();
            assertThat(answer.errorMessage()).isEqualTo("The server cannot serve this request now (error id "
                    + id.group(1) + "); the server log has the details");
            assertThat(log.text()).contains("Error " + id.group(1) + ": GET /api/admin/jobs/runs answered 503")
                    .contains("Database error");
        }
    }

    @Test
    void everyFailureGetsItsOwnId() throws Exception {
        backend.store().database().close();

        String first = get("/api/admin/jobs/counts", ADMIN).errorMessage();
        String second = get("/api/admin/jobs/counts", ADMIN).errorMessage();

        assertThat(first).isNotEqualTo(second);
        assertThat(FailureLog.newId()).matches("[0-9a-f]{8}");
    }
}
