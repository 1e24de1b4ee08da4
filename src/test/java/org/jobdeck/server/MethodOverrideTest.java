package org.jobdeck.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import org.jobdeck.api.RunStatus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Routing and authorisation follow the request line's method only: a method-override header is
 * refused with 400, before authentication decides anything, and nothing is stored (issue 12,
 * item 5). Javalin 7's ctx.method() honours X-HTTP-Method-Override, so without the guard a GET
 * with that header reached the enqueue route.
 */
class MethodOverrideTest extends ServerFixture {

    @ParameterizedTest
    @ValueSource(strings = {"X-HTTP-Method-Override", "X-HTTP-Method", "X-Method-Override"})
    void aGetThatAsksToBeAPostIsRefusedAndEnqueuesNothing(String header) throws Exception {
        Answer answer = send(request("/api/admin/jobs/enqueue-all", ADMIN).header(header, "POST").GET().build());

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.errorCode()).isEqualTo("invalid_request");
        assertThat(answer.errorMessage()).startsWith(header + " is not supported");
        assertThat(runCount()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"X-HTTP-Method-Override", "X-HTTP-Method", "X-Method-Override"})
    void theReadTokenCannotDisguiseAPostAsAGet(String header) throws Exception {
        post("/api/admin/jobs/enqueue-all", ADMIN, null);
        int runs = runCount();

        Answer answer = send(request("/api/admin/jobs/runs/1/cancel", READER).header(header, "GET")
                .POST(HttpRequest.BodyPublishers.noBody()).build());

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.errorCode()).isEqualTo("invalid_request");
        assertThat(backend.run("1", 0).run().state()).isEqualTo(RunStatus.QUEUED);
        assertThat(runCount()).isEqualTo(runs);
    }

    @ParameterizedTest
    @ValueSource(strings = {"X-HTTP-Method-Override", "X-HTTP-Method", "X-Method-Override"})
    void theHeaderIsRefusedBeforeAuthenticationSoNoTokenIsJudged(String header) throws Exception {
        Answer anonymous = send(request("/api/admin/jobs/enqueue-all", null).header(header, "POST").GET().build());

        assertThat(anonymous.status()).isEqualTo(400);
        assertThat(anonymous.errorCode()).isEqualTo("invalid_request");
        assertThat(runCount()).isZero();
    }
}
