package org.jobdeck.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.util.List;
import org.jobdeck.api.RunFilter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The server fails closed: every error case, each with the one error shape. */
class RestApiSecurityTest extends ServerFixture {
    private static final List<String> READS = List.of("/api/admin/jobs", "/api/admin/jobs/groups",
            "/api/admin/jobs/plan?group=feed", "/api/admin/jobs/runs", "/api/admin/jobs/runs/1",
            "/api/admin/jobs/counts", "/api/admin/jobs/events");

    @ParameterizedTest
    @ValueSource(strings = {"/api/admin/jobs/enqueue-all", "/api/admin/jobs/enqueue-group",
            "/api/admin/jobs/enqueue", "/api/admin/jobs/runs/1/cancel", "/api/admin/jobs/runs/1/retry"})
    void eachMutationAnswers401WithoutAToken403ToTheReadTokenAndChangesNothing(String path) throws Exception {
        String body = path.endsWith("enqueue-group") ? "{\"group\":\"feed\"}"
                : path.endsWith("enqueue") ? "{\"jobs\":[\"trending\"]}" : null;
        post("/api/admin/jobs/enqueue-all", ADMIN, null); // runs 1 to 17 exist
        int runs = runCount();
        String before = backend.runs(RunFilter.latest(100)).toString();

        Answer anonymous = post(path, null, body);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.errorCode()).isEqualTo("unauthorized");
        assertThat(anonymous.response().headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"jobdeck\"");

        Answer wrong = post(path, "not-" + ADMIN, body);
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.errorCode()).isEqualTo("unauthorized");

        Answer reader = post(path, READER, body);
        assertThat(reader.status()).isEqualTo(403);
        assertThat(reader.errorCode()).isEqualTo("forbidden");
        assertThat(reader.errorMessage()).contains("admin token");

        assertThat(runCount()).isEqualTo(runs);
        assertThat(backend.runs(RunFilter.latest(100)).toString()).isEqualTo(before);
    }

    @Test
    void everyReadNeedsATokenAndTakesTheReadOnlyOne() throws Exception {
        post("/api/admin/jobs/enqueue-all", ADMIN, null);
        for (String path : READS) {
            assertThat(get(path, null).status()).as(path).isEqualTo(401);
            assertThat(get(path, "wrong-token-wrong-token").status()).as(path).isEqualTo(401);
            if (!path.endsWith("/events")) {
                assertThat(get(path, READER).status()).as(path).isEqualTo(200);
            }
        }
    }

    @Test
    void otherSchemesThanBearerAreRefused() throws Exception {
        Answer basic = send(request("/api/admin/jobs/groups", null)
                .header("Authorization", "Basic " + ADMIN).GET().build());

        assertThat(basic.status()).isEqualTo(401);
        assertThat(basic.errorMessage()).contains("Bearer");
    }

    @Test
    void theTokenNeverAppearsInAnAnswer() throws Exception {
        Answer forbidden = post("/api/admin/jobs/enqueue-all", READER, null);
        Answer unauthorized = post("/api/admin/jobs/enqueue-all", "a-guess-that-is-wrong", null);

        assertThat(forbidden.body()).doesNotContain(READER).doesNotContain(ADMIN);
        assertThat(unauthorized.body()).doesNotContain("a-guess-that-is-wrong").doesNotContain(ADMIN);
    }

    @Test
    void aBodyOver64KiBIs413WithOrWithoutALength() throws Exception {
        String padded = "{\"group\":\"feed\",\"requestedBy\":\"" + "x".repeat(70 * 1024) + "\"}";

        Answer sized = post("/api/admin/jobs/enqueue-group", ADMIN, padded);
        assertThat(sized.status()).isEqualTo(413);
        assertThat(sized.errorCode()).isEqualTo("payload_too_large");

        Answer chunked = send(request("/api/admin/jobs/enqueue-group", ADMIN)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(padded.getBytes())))
                .build());
        assertThat(chunked.status()).isEqualTo(413);
        assertThat(chunked.errorCode()).isEqualTo("payload_too_large");
        assertThat(runCount()).isZero();
    }

    @Test
    void aBodyThatIsNotJsonIs415() throws Exception {
        Answer answer = send(request("/api/admin/jobs/enqueue-group", ADMIN)
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("group=feed")).build());

        assertThat(answer.status()).isEqualTo(415);
        assertThat(answer.errorCode()).isEqualTo("unsupported_media_type");
        assertThat(runCount()).isZero();
    }

    @Test
    void malformedJsonIs400AndAnUnknownFieldToo() throws Exception {
        Answer malformed = post("/api/admin/jobs/enqueue-group", ADMIN, "{\"group\":");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.errorCode()).isEqualTo("malformed_json");

        Answer duplicate = post("/api/admin/jobs/enqueue-group", ADMIN, "{\"group\":\"feed\",\"group\":\"quiz\"}");
        assertThat(duplicate.status()).isEqualTo(400);
        assertThat(duplicate.errorCode()).isEqualTo("malformed_json");

        Answer typo = post("/api/admin/jobs/enqueue-group", ADMIN, "{\"grop\":\"feed\"}");
        assertThat(typo.status()).isEqualTo(400);
        assertThat(typo.errorCode()).isEqualTo("invalid_request");
        assertThat(typo.errorMessage()).isEqualTo("Unknown field 'grop' (known fields: group, params, requestedBy)");

        Answer missing = post("/api/admin/jobs/enqueue-group", ADMIN, "{}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.errorCode()).isEqualTo("invalid_request");

        Answer wrongShape = post("/api/admin/jobs/enqueue", ADMIN, "{\"jobs\":\"trending\"}");
        assertThat(wrongShape.status()).isEqualTo(400);
        assertThat(wrongShape.errorCode()).isEqualTo("invalid_request");
        assertThat(runCount()).isZero();
    }

    @Test
    void unknownGroupJobAndRunAre404WithTheErrorShape() throws Exception {
        Answer group = post("/api/admin/jobs/enqueue-group", ADMIN, "{\"group\":\"fed\"}");
        assertThat(group.status()).isEqualTo(404);
        assertThat(group.body()).isEqualTo("{\"error\":{\"code\":\"unknown_group\",\"message\":"
                + "\"Unknown group: fed (known groups: matching, feed, search, maintenance, media, quiz)\"}}");

        Answer job = post("/api/admin/jobs/enqueue", ADMIN, "{\"jobs\":[\"trendy\"]}");
        assertThat(job.status()).isEqualTo(404);
        assertThat(job.errorCode()).isEqualTo("unknown_job");
        assertThat(job.errorMessage()).startsWith("Unknown job: trendy");

        assertThat(get("/api/admin/jobs/plan?group=fed", ADMIN).errorCode()).isEqualTo("unknown_group");
        for (Answer run : List.of(get("/api/admin/jobs/runs/4242", ADMIN),
                post("/api/admin/jobs/runs/4242/cancel", ADMIN, null),
                post("/api/admin/jobs/runs/4242/retry", ADMIN, null))) {
            assertThat(run.status()).isEqualTo(404);
            assertThat(run.body()).isEqualTo("{\"error\":{\"code\":\"unknown_run\",\"message\":\"Unknown run: 4242\"}}");
        }
        assertThat(runCount()).isZero();
    }

    @Test
    void unknownPathsAre404AndWrongMethods405InTheErrorShape() throws Exception {
        Answer path = get("/api/admin/jobs/nothing-here", ADMIN);
        assertThat(path.status()).isEqualTo(404);
        assertThat(path.errorCode()).isEqualTo("not_found");
        assertThat(get("/elsewhere", ADMIN).errorCode()).isEqualTo("not_found");
        // Fail closed: without a token nothing but the health check answers, not even a 404.
        assertThat(get("/elsewhere", null).errorCode()).isEqualTo("unauthorized");
        assertThat(get("/api/admin/jobs/nothing-here", null).status()).as("no token, no hints").isEqualTo(401);

        Answer method = get("/api/admin/jobs/enqueue-all", ADMIN);
        assertThat(method.status()).isEqualTo(405);
        assertThat(method.errorCode()).isEqualTo("method_not_allowed");
        assertThat(method.errorMessage()).contains("POST");
    }
}
