package org.jobdeck.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The wire shapes: the seed's two enqueue responses exactly, and the other endpoints' JSON. */
class RestApiShapesTest extends ServerFixture {

    @Test
    void enqueueAllAnswersTheSeedsResponseFieldForField() throws Exception {
        Answer answer = post("/api/admin/jobs/enqueue-all", ADMIN, null);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.response().headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(answer.body()).matches("\\{\"status\":\"enqueued\",\"count\":17,\"batchId\":\"\\d+\",\"jobs\":\\["
                + "\\{\"jobName\":\"build-user-traits\",\"jobRunId\":\"\\d+\",\"group\":\"matching\"},.*]}");
        JsonNode root = answer.json();
        assertThat(fieldNames(root)).containsExactly("status", "count", "batchId", "jobs");
        assertThat(root.get("jobs")).hasSize(17).allSatisfy(job ->
                assertThat(fieldNames(job)).containsExactly("jobName", "jobRunId", "group"));
    }

    @Test
    void enqueueGroupAnswersTheSeedsResponseFieldForField() throws Exception {
        Answer answer = post("/api/admin/jobs/enqueue-group", ADMIN, "{\"group\":\"feed\"}");

        assertThat(answer.status()).isEqualTo(200);
        JsonNode root = answer.json();
        assertThat(fieldNames(root)).containsExactly("status", "group", "count", "batchId", "jobs");
        assertThat(root.get("status").asText()).isEqualTo("enqueued");
        assertThat(root.get("group").asText()).isEqualTo("feed");
        assertThat(root.get("count").asInt()).isEqualTo(6);
        assertThat(root.get("batchId").isTextual()).isTrue();
        List<String> jobs = new ArrayList<>();
        for (JsonNode job : root.get("jobs")) {
            assertThat(fieldNames(job)).containsExactly("jobName", "jobRunId", "group");
            assertThat(job.get("jobRunId").isTextual()).isTrue();
            jobs.add(job.get("jobName").asText() + "@" + job.get("group").asText());
        }
        assertThat(jobs).containsExactly("build-user-traits@matching", "content-features@feed", "affinity@feed",
                "match-scores@matching", "trending@feed", "feed-presort@feed");
    }

    @Test
    void enqueueOfNamedJobsTakesTypedParams() throws Exception {
        Answer answer = post("/api/admin/jobs/enqueue", ADMIN,
                "{\"jobs\":[\"feed-presort\"],\"params\":{\"feed-presort\":{\"userId\":8}}}");

        assertThat(answer.status()).isEqualTo(200);
        JsonNode root = answer.json();
        assertThat(fieldNames(root)).containsExactly("status", "count", "batchId", "jobs");
        assertThat(root.get("count").asInt()).isEqualTo(5);
        String presort = root.get("jobs").get(4).get("jobRunId").asText();
        JsonNode run = get("/api/admin/jobs/runs/" + presort, ADMIN).json().get("run");
        assertThat(run.get("params").get("userId").asInt()).isEqualTo(8);
        assertThat(run.get("params").get("batchSize").asInt()).isEqualTo(100);
    }

    @Test
    void paramsAreOptionalOnEveryEnqueueAndTypedLikeTheDefaults() throws Exception {
        assertThat(post("/api/admin/jobs/enqueue-all", ADMIN, "{\"params\":{\"quiz-answer-stats\":{\"minBucketSize\":1}}}")
                .status()).isEqualTo(200);
        assertThat(post("/api/admin/jobs/enqueue-group", ADMIN,
                "{\"group\":\"feed\",\"params\":{\"feed-presort\":{\"batchSize\":10}}}").status()).isEqualTo(200);

        Answer wrongType = post("/api/admin/jobs/enqueue-group", ADMIN,
                "{\"group\":\"feed\",\"params\":{\"feed-presort\":{\"batchSize\":\"ten\"}}}");
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.errorCode()).isEqualTo("invalid_params");
        assertThat(wrongType.errorMessage()).isEqualTo(
                "Job feed-presort: param 'batchSize' must be a number, got string \"ten\"");
    }

    @Test
    void aRepeatedIdempotencyKeyReturnsTheFirstResponseAndEnqueuesNothing() throws Exception {
        HttpRequest request = request("/api/admin/jobs/enqueue-group", ADMIN)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", "nightly-feed-2026-11-28")
                .POST(HttpRequest.BodyPublishers.ofString("{\"group\":\"feed\"}")).build();

        Answer first = send(request);
        Answer again = send(request);

        assertThat(first.status()).isEqualTo(200);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("batchId")).isEqualTo(first.json().get("batchId"));
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(runCount()).isEqualTo(6);
    }

    @Test
    void anIdempotencyKeyWithSpacesIsRefused() throws Exception {
        Answer answer = send(request("/api/admin/jobs/enqueue-all", ADMIN)
                .header("Idempotency-Key", "two words").POST(HttpRequest.BodyPublishers.noBody()).build());

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.errorCode()).isEqualTo("invalid_request");
        assertThat(runCount()).isZero();
    }

    @Test
    void catalogGroupsAndPlanHaveTheShapesOfTheCli() throws Exception {
        JsonNode catalog = get("/api/admin/jobs", ADMIN).json();
        assertThat(fieldNames(catalog)).containsExactly("jobs", "groups");
        assertThat(fieldNames(catalog.get("jobs").get(0)))
                .containsExactly("name", "description", "group", "dependencies", "defaultParams", "examples", "params");

        JsonNode groups = get("/api/admin/jobs/groups", ADMIN).json();
        assertThat(groups.get("total").asInt()).isEqualTo(17);
        assertThat(fieldNames(groups.get("groups").get(0)))
                .containsExactly("group", "count", "title", "purpose", "dependsOnGroups");

        JsonNode plan = get("/api/admin/jobs/plan?group=feed", ADMIN).json();
        assertThat(fieldNames(plan)).containsExactly("scope", "group", "count", "summary", "jobs");
        assertThat(fieldNames(plan.get("jobs").get(0)))
                .containsExactly("position", "jobName", "group", "reason", "requiredBy", "wave");
        assertThat(get("/api/admin/jobs/plan?all=true", ADMIN).json().get("count").asInt()).isEqualTo(17);
        JsonNode jobs = get("/api/admin/jobs/plan?job=trending&job=affinity", ADMIN).json();
        assertThat(jobs.get("requested").toString()).isEqualTo("[\"trending\",\"affinity\"]");

        Answer none = get("/api/admin/jobs/plan", ADMIN);
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.errorCode()).isEqualTo("invalid_request");
    }

    @Test
    void runsArePagedNewestFirstWithANextCursor() throws Exception {
        post("/api/admin/jobs/enqueue-all", ADMIN, null);

        JsonNode first = get("/api/admin/jobs/runs?limit=10", ADMIN).json();
        assertThat(fieldNames(first)).containsExactly("runs", "next");
        assertThat(first.get("runs")).hasSize(10);
        String cursor = first.get("next").asText();
        assertThat(cursor).isEqualTo(first.get("runs").get(9).get("jobRunId").asText());

        JsonNode second = get("/api/admin/jobs/runs?limit=10&after=" + cursor, ADMIN).json();
        assertThat(second.get("runs")).hasSize(7);
        assertThat(second.get("next").isNull()).isTrue();
        assertThat(Long.parseLong(second.get("runs").get(0).get("jobRunId").asText()))
                .isLessThan(Long.parseLong(cursor));

        assertThat(get("/api/admin/jobs/runs?state=queued", ADMIN).json().get("runs")).as("the jobs without dependencies").hasSize(11);
        assertThat(get("/api/admin/jobs/runs?limit=0", ADMIN).status()).isEqualTo(400);
        assertThat(get("/api/admin/jobs/runs?state=sleeping", ADMIN).errorCode()).isEqualTo("invalid_request");
    }

    @Test
    void runDetailHasTheLogTailAndWhy() throws Exception {
        String id = post("/api/admin/jobs/enqueue", ADMIN, "{\"jobs\":[\"trending\"]}").json()
                .get("jobs").get(1).get("jobRunId").asText();
        backend.store().log().append(id, List.of("one", "two", "three"));

        JsonNode detail = get("/api/admin/jobs/runs/" + id + "?log=2", ADMIN).json();

        assertThat(fieldNames(detail)).containsExactly("run", "log");
        assertThat(detail.get("run").get("why").asText()).isEqualTo("waiting for content-features (queued)");
        assertThat(detail.get("log")).hasSize(2);
        assertThat(detail.get("log").get(1).get("line").asText()).isEqualTo("three");
    }

    @Test
    void cancelRetryAndCountsAnswerTheChangedRuns() throws Exception {
        JsonNode enqueued = post("/api/admin/jobs/enqueue", ADMIN, "{\"jobs\":[\"trending\"]}").json();
        String features = enqueued.get("jobs").get(0).get("jobRunId").asText();

        JsonNode cancelled = post("/api/admin/jobs/runs/" + features + "/cancel", ADMIN, null).json();
        assertThat(cancelled.get("state").asText()).isEqualTo("cancelled");

        JsonNode retried = post("/api/admin/jobs/runs/" + features + "/retry", ADMIN, null).json();
        assertThat(retried.get("runs")).hasSize(2);
        assertThat(retried.get("runs").get(0).get("state").asText()).isEqualTo("queued");

        Answer again = post("/api/admin/jobs/runs/" + features + "/retry", ADMIN, null);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.errorCode()).isEqualTo("invalid_state");

        JsonNode counts = get("/api/admin/jobs/counts", ADMIN).json();
        assertThat(counts.get("queued").asInt()).isEqualTo(1);
        assertThat(counts.get("waiting").asInt()).isEqualTo(1);
    }

    @Test
    void healthAnswersWithoutAToken() throws Exception {
        Answer answer = get("/api/admin/health", null);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("{\"status\":\"ok\"}");
    }
}
