package org.jobdeck.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.jobdeck.api.JobsApiException;
import org.jobdeck.client.RestJobsApi;
import org.jobdeck.queue.MutableClock;
import org.junit.jupiter.api.Test;

/**
 * Failed authentications are logged without the token and slowed per address (issue 12, item
 * 10): after 3 failures within a minute (this test's policy) the address is answered 429 with
 * Retry-After, without its token being looked at, until the oldest failure leaves the window.
 * The clock is moved by hand: no waiting.
 */
class FailedAuthenticationTest extends ServerFixture {
    private static final FailedAuthentications.Policy THREE_A_MINUTE =
            new FailedAuthentications.Policy(3, Duration.ofMinutes(1), 100);
    private final MutableClock clock = new MutableClock();

    @Override
    protected FailedAuthentications failedAuthentications() {
        return new FailedAuthentications(THREE_A_MINUTE, clock);
    }

    @Test
    void anAddressWithTooManyFailuresIsRefusedEvenWithTheRightTokenUntilTheWindowMoves() throws Exception {
        get("/api/admin/jobs/runs", "guess-1");
        clock.advance(10_000);
        get("/api/admin/jobs/runs", "guess-2");
        get("/api/admin/jobs/runs", null);

        Answer refused = get("/api/admin/jobs/runs", ADMIN);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.errorCode()).isEqualTo("too_many_requests");
        assertThat(refused.errorMessage()).isEqualTo("Too many failed authentications from 127.0.0.1: try again in 50 s");
        assertThat(refused.response().headers().firstValue("Retry-After")).hasValue("50");
        assertThat(post("/api/admin/jobs/enqueue-all", ADMIN, null).status()).isEqualTo(429);
        assertThat(runCount()).isZero();

        clock.advance(50_000);
        assertThat(get("/api/admin/jobs/runs", ADMIN).status()).as("the first failure left the window").isEqualTo(200);
        assertThat(get("/api/admin/jobs/runs", "guess-3").status()).isEqualTo(401);
        assertThat(get("/api/admin/jobs/runs", ADMIN).status()).as("three again within a minute").isEqualTo(429);
    }

    @Test
    void theHealthCheckAndGoodTokensDoNotCount() throws Exception {
        for (int i = 0; i < 10; i++) {
            assertThat(get("/api/admin/jobs/runs", READER).status()).isEqualTo(200);
            assertThat(post("/api/admin/jobs/enqueue-all", READER, null).status()).as("403 is not a failed login").isEqualTo(403);
        }
        get("/api/admin/jobs/runs", "guess-1");
        get("/api/admin/jobs/runs", "guess-2");
        get("/api/admin/jobs/runs", "guess-3");

        assertThat(get("/api/admin/health", null).status()).isEqualTo(200);
        assertThat(get("/api/admin/jobs/runs", READER).status()).isEqualTo(429);
    }

    @Test
    void eachFailureIsLoggedWithAddressMethodAndPathButNeverTheToken() throws Exception {
        String guess = "a-guess-that-must-not-be-logged";
        try (CapturedLog log = new CapturedLog()) {
            get("/api/admin/jobs/runs?limit=5", guess);
            send(request("/api/admin/jobs/counts", null).header("Authorization", "Basic " + guess).GET().build());

            assertThat(log.text())
                    .contains("Failed authentication from 127.0.0.1: GET /api/admin/jobs/runs (wrong token; 1 of 3 allowed in 60 s)")
                    .contains("Failed authentication from 127.0.0.1: GET /api/admin/jobs/counts (not the Bearer scheme; 2 of 3")
                    .doesNotContain(guess).doesNotContain(ADMIN).doesNotContain(READER);
        }
    }

    @Test
    void theRestClientReportsTheRefusalAsUnavailableWithTheServersMessage() {
        for (String guess : new String[] {"guess-1", "guess-2", "guess-3"}) {
            try (RestJobsApi wrong = RestJobsApi.connect(server.url(), guess)) {
                assertThat(codeOf(wrong)).isEqualTo(JobsApiException.Code.UNAUTHORIZED);
            }
        }
        try (RestJobsApi right = RestJobsApi.connect(server.url(), ADMIN)) {
            JobsApiException refused = org.assertj.core.api.Assertions.catchThrowableOfType(
                    JobsApiException.class, right::counts);
            assertThat(refused.code()).isEqualTo(JobsApiException.Code.UNAVAILABLE);
            assertThat(refused.getMessage()).startsWith("Too many failed authentications from 127.0.0.1");
        }
    }

    private static JobsApiException.Code codeOf(RestJobsApi api) {
        return org.assertj.core.api.Assertions.catchThrowableOfType(JobsApiException.class, api::counts).code();
    }
}
