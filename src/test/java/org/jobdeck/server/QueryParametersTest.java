package org.jobdeck.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Query parameters mean what they say (issue 12, item 10): an id filter that cannot be an id is
 * 400, not "unknown run"; {@code log=0} returns no log lines. An id in the path stays 404
 * unknown_run: it names a resource, and a name that cannot exist names none.
 */
class QueryParametersTest extends ServerFixture {

    @Test
    void batchAndAfterThatAreNotIdsAre400() throws Exception {
        for (String query : List.of("batch=abc", "after=abc", "batch=-1", "after=1e3", "batch=1234567890123456789")) {
            Answer answer = get("/api/admin/jobs/runs?" + query, ADMIN);

            assertThat(answer.status()).as(query).isEqualTo(400);
            assertThat(answer.errorCode()).as(query).isEqualTo("invalid_request");
            assertThat(answer.errorMessage()).as(query).contains("must be an id, a whole number of up to 18 digits");
        }
    }

    @Test
    void idsThatAreWellFormedButUnknownFilterToNothing() throws Exception {
        post("/api/admin/jobs/enqueue-group", ADMIN, "{\"group\":\"feed\"}");

        assertThat(get("/api/admin/jobs/runs?batch=999", ADMIN).json().get("runs")).isEmpty();
        assertThat(get("/api/admin/jobs/runs?batch=1", ADMIN).json().get("runs")).hasSize(6);
        assertThat(get("/api/admin/jobs/runs?after=4", ADMIN).json().get("runs")).hasSize(3);
    }

    @Test
    void aPathIdThatCannotExistIsAnUnknownRun() throws Exception {
        Answer answer = get("/api/admin/jobs/runs/abc", ADMIN);

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.errorCode()).isEqualTo("unknown_run");
    }

    @Test
    void logZeroReturnsNoLinesAndLogTwoTheNewestTwo() throws Exception {
        String id = post("/api/admin/jobs/enqueue", ADMIN, "{\"jobs\":[\"trending\"]}").json()
                .get("jobs").get(1).get("jobRunId").asText();
        backend.store().log().append(id, List.of("one", "two", "three"));

        assertThat(get("/api/admin/jobs/runs/" + id + "?log=0", ADMIN).json().get("log")).isEmpty();
        assertThat(get("/api/admin/jobs/runs/" + id + "?log=2", ADMIN).json().get("log")).hasSize(2);
        assertThat(get("/api/admin/jobs/runs/" + id + "?log=-1", ADMIN).status()).isEqualTo(400);
    }
}
