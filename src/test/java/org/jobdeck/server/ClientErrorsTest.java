package org.jobdeck.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.jobdeck.core.catalog.CatalogReader;
import org.jobdeck.core.catalog.JobCatalog;
import org.jobdeck.queue.Enqueuer;
import org.junit.jupiter.api.Test;

/**
 * A client's mistake is a 4xx in the error shape, never a 5xx and never a database message
 * (issue 12, item 6): a job given null instead of params, params too large to store, a number
 * past the JSON parser's limit, and a requester that is not printable text. Each stores nothing.
 */
class ClientErrorsTest extends ServerFixture {
    /** Two jobs that take a free-text note, so that params can be made as large as a test needs. */
    private static final String NOTES_CATALOG = """
            {"groups": [{"name": "feed", "title": "Feed", "purpose": "client errors"}],
             "jobs": [
              {"name": "trending", "description": "T", "group": "feed", "examples": [],
               "params": {"note": {"type": "string", "description": "free text"}}},
              {"name": "feed-presort", "description": "P", "group": "feed", "dependencies": ["trending"], "examples": [],
               "params": {"note": {"type": "string", "description": "free text"},
                          "userId": {"type": "integer", "description": "one user"}}}
             ]}
            """;

    @Override
    protected JobCatalog catalog() {
        return CatalogReader.parse(NOTES_CATALOG, "client-errors").toCatalog();
    }

    @Test
    void nullInsteadOfAJobsParamsIs400InvalidParams() throws Exception {
        Answer answer = post("/api/admin/jobs/enqueue", ADMIN,
                "{\"jobs\":[\"feed-presort\"],\"params\":{\"feed-presort\":null}}");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.errorCode()).isEqualTo("invalid_params");
        assertThat(answer.errorMessage()).isEqualTo(
                "Params for job feed-presort must be an object of names and values, e.g. {\"userId\":8}, not null");
        assertThat(runCount()).isZero();
    }

    @Test
    void paramsAtTheBodyLimitAre400WithTheLimitAndNoDatabaseMessage() throws Exception {
        String prefix = "{\"jobs\":[\"feed-presort\"],\"params\":{\"feed-presort\":{\"note\":\"";
        String suffix = "\"}}}";
        String body = prefix + "x".repeat(JsonBodies.MAX_BYTES - prefix.length() - suffix.length()) + suffix;
        assertThat(body).hasSize(JsonBodies.MAX_BYTES);

        Answer answer = post("/api/admin/jobs/enqueue", ADMIN, body);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.errorCode()).isEqualTo("invalid_params");
        assertThat(answer.errorMessage()).startsWith("Job feed-presort: params are ")
                .endsWith(" characters as JSON; a run takes at most " + Enqueuer.MAX_PARAMS_CHARS);
        assertThat(answer.body()).doesNotContainIgnoringCase("column").doesNotContainIgnoringCase("varying");
        assertThat(runCount()).isZero();
    }

    @Test
    void paramsJustUnderTheRunLimitAreStored() throws Exception {
        String note = "x".repeat(Enqueuer.MAX_PARAMS_CHARS - 200);

        Answer answer = post("/api/admin/jobs/enqueue", ADMIN,
                "{\"jobs\":[\"trending\"],\"params\":{\"trending\":{\"note\":\"" + note + "\"}}}");

        assertThat(answer.status()).isEqualTo(200);
    }

    @Test
    void aNumberPastTheParsersLimitIs400MalformedJson() throws Exception {
        Answer answer = post("/api/admin/jobs/enqueue-group", ADMIN, "1" + "0".repeat(1200));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.errorCode()).isEqualTo("malformed_json");
        assertThat(answer.errorMessage()).startsWith("Malformed JSON: Number value length (1201) exceeds the maximum");
        assertThat(runCount()).isZero();
    }

    @Test
    void aRequesterWithControlCharactersIs400() throws Exception {
        Answer answer = post("/api/admin/jobs/enqueue-group", ADMIN, "{\"group\":\"feed\",\"requestedBy\":\"ops\\u0000\"}");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.errorCode()).isEqualTo("invalid_request");
        assertThat(answer.errorMessage()).isEqualTo("requestedBy must be printable text, without control characters");
        assertThat(runCount()).isZero();
    }
}
