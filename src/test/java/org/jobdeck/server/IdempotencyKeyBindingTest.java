package org.jobdeck.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import org.junit.jupiter.api.Test;

/**
 * An Idempotency-Key is bound to the endpoint and the canonical request it first came with: the
 * same request replays the first response, any other gets 409 idempotency_key_reused and stores
 * nothing (issue 12, item 4).
 */
class IdempotencyKeyBindingTest extends ServerFixture {
    private static final String KEY = "nightly-feed-2026-11-28";

    private Answer enqueue(String endpoint, String body) throws Exception {
        return send(request("/api/admin/jobs/" + endpoint, ADMIN)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", KEY)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    @Test
    void theSameRequestReplaysEvenWithItsFieldsAndParamsInAnotherOrder() throws Exception {
        Answer first = enqueue("enqueue-group",
                "{\"group\":\"feed\",\"requestedBy\":\"ops\",\"params\":{\"feed-presort\":{\"batchSize\":10,\"userId\":8}}}");
        Answer again = enqueue("enqueue-group",
                "{\"params\":{\"feed-presort\":{\"userId\":8,\"batchSize\":10}},\"requestedBy\":\"ops\",\"group\":\"feed\"}");

        assertThat(first.status()).isEqualTo(200);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(runCount()).isEqualTo(6);
    }

    @Test
    void anotherGroupWithTheSameKeyIs409AndStoresNothing() throws Exception {
        enqueue("enqueue-group", "{\"group\":\"feed\"}");

        Answer other = enqueue("enqueue-group", "{\"group\":\"quiz\"}");

        assertThat(other.status()).isEqualTo(409);
        assertThat(other.errorCode()).isEqualTo("idempotency_key_reused");
        assertThat(other.errorMessage()).isEqualTo("Idempotency-Key '" + KEY + "' was used within the last"
                + " 24 hours for a different request (batch 1): send a new key for a new request");
        assertThat(runCount()).isEqualTo(6);
    }

    @Test
    void otherParamsWithTheSameKeyAre409() throws Exception {
        enqueue("enqueue", "{\"jobs\":[\"feed-presort\"],\"params\":{\"feed-presort\":{\"userId\":8}}}");

        Answer otherValue = enqueue("enqueue", "{\"jobs\":[\"feed-presort\"],\"params\":{\"feed-presort\":{\"userId\":9}}}");
        Answer otherType = enqueue("enqueue", "{\"jobs\":[\"feed-presort\"],\"params\":{\"feed-presort\":{\"userId\":8.0}}}");
        Answer none = enqueue("enqueue", "{\"jobs\":[\"feed-presort\"]}");

        assertThat(otherValue.errorCode()).isEqualTo("idempotency_key_reused");
        assertThat(otherType.errorCode()).isEqualTo("idempotency_key_reused");
        assertThat(none.errorCode()).isEqualTo("idempotency_key_reused");
        assertThat(runCount()).isEqualTo(5);
    }

    @Test
    void theKeyCannotMoveToAnotherEndpoint() throws Exception {
        enqueue("enqueue-group", "{\"group\":\"feed\"}");

        Answer all = enqueue("enqueue-all", "{}");
        Answer jobs = enqueue("enqueue", "{\"jobs\":[\"feed-presort\"]}");

        assertThat(all.status()).isEqualTo(409);
        assertThat(jobs.status()).isEqualTo(409);
        assertThat(runCount()).isEqualTo(6);
    }

    @Test
    void anotherRequesterWithTheSameKeyIs409() throws Exception {
        enqueue("enqueue-group", "{\"group\":\"feed\",\"requestedBy\":\"alice\"}");

        Answer bob = enqueue("enqueue-group", "{\"group\":\"feed\",\"requestedBy\":\"bob\"}");

        assertThat(bob.errorCode()).isEqualTo("idempotency_key_reused");
        assertThat(runCount()).isEqualTo(6);
    }
}
