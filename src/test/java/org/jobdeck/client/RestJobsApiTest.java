package org.jobdeck.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jobdeck.api.EnqueueRequest;
import org.jobdeck.api.EnqueueResult;
import org.jobdeck.api.JobsApi;
import org.jobdeck.api.JobsApiException;
import org.jobdeck.api.JobsApiException.Code;
import org.jobdeck.api.PlanRequest;
import org.jobdeck.api.RunFilter;
import org.jobdeck.api.RunStatus;
import org.jobdeck.api.RunView;
import org.jobdeck.server.JobdeckServer;
import org.junit.jupiter.api.Test;

/**
 * The contract over HTTP: a real server on a free port in front of the embedded backend, and a
 * {@link RestJobsApi} talking to it. Plus what only REST has: dropped streams, unreachable
 * servers, refused tokens, and an enqueue whose answer got lost.
 */
class RestJobsApiTest extends JobsApiContract {
    static final String ADMIN = "admin-token-for-rest-tests-0123456789";
    static final String READER = "read-token-for-rest-tests-0123456789";

    private JobdeckServer server;

    @Override
    protected JobsApi face(EmbeddedJobsApi backend) {
        server = JobdeckServer.start(backend, JobdeckServer.Settings.of("127.0.0.1", 0, ADMIN, READER));
        return RestJobsApi.connect(server.url(), ADMIN);
    }

    @Override
    protected void closeFace() {
        server.close();
    }

    @Test
    void describesItselfByItsUrl() {
        assertThat(api.describe()).isEqualTo("REST http://127.0.0.1:" + server.port());
    }

    @Test
    void catalogDocumentIsTheServersCatalogReadAsACatalogFile() {
        var document = ((RestJobsApi) api).catalogDocument();

        assertThat(document.isValid()).as(document.problems().toString()).isTrue();
        assertThat(document.toCatalog().jobs()).hasSize(17);
        assertThat(document.origin()).isEqualTo(api.describe());
    }

    @Test
    void theSubscriptionResumesAfterTheServerDropsTheStream() throws Exception {
        Map<String, RunView> latest = new ConcurrentHashMap<>();
        AutoCloseable subscription = api.subscribe(runs -> runs.forEach(run ->
                latest.merge(run.jobRunId(), run, (a, b) -> b.version() > a.version() ? b : a)));
        try {
            EnqueueResult feed = enqueue(PlanRequest.group("feed"));
            String presort = feed.jobs().get(5).jobRunId();
            await("the new runs", () -> latest.containsKey(presort));

            int port = server.port();
            server.close(); // drops the stream; the client starts reconnecting
            backend.cancel(presort); // a change while no server is there to stream it
            Thread.sleep(300);
            server = JobdeckServer.start(backend, JobdeckServer.Settings.of("127.0.0.1", port, ADMIN, READER));

            await("the change made while the stream was down", () ->
                    latest.get(presort).state() == RunStatus.CANCELLED);
            String traits = feed.jobs().get(0).jobRunId();
            api.cancel(traits);
            await("a change after the resume", () -> latest.get(traits).state() == RunStatus.CANCELLED);
        } finally {
            subscription.close();
        }
    }

    @Test
    void anUnreachableServerIsUnavailableInOneLine() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        try (RestJobsApi nowhere = RestJobsApi.connect("http://127.0.0.1:" + port + "/", ADMIN)) {
            assertThatThrownBy(nowhere::groups).isInstanceOfSatisfying(JobsApiException.class, e -> {
                assertThat(e.code()).isEqualTo(Code.UNAVAILABLE);
                assertThat(e.getMessage()).isEqualTo("Cannot reach http://127.0.0.1:" + port + ": Connection refused");
            });
            assertThat(nowhere.describe()).isEqualTo("REST http://127.0.0.1:" + port);
        }
    }

    @Test
    void aWrongOrMissingTokenIsUnauthorized() {
        try (RestJobsApi wrong = RestJobsApi.connect(server.url(), "not-the-token-at-all")) {
            assertThatThrownBy(wrong::groups).isInstanceOfSatisfying(JobsApiException.class, e -> {
                assertThat(e.code()).isEqualTo(Code.UNAUTHORIZED);
                assertThat(e.getMessage()).startsWith("The server refused the token (401)");
            });
        }
        try (RestJobsApi none = RestJobsApi.connect(server.url(), null)) {
            assertThat(codeOf(none::groups)).isEqualTo(Code.UNAUTHORIZED);
        }
    }

    @Test
    void theReadOnlyTokenReadsButMayNotEnqueue() {
        try (RestJobsApi reader = RestJobsApi.connect(server.url(), READER)) {
            assertThat(reader.groups().total()).isEqualTo(17);
            assertThatThrownBy(() -> reader.enqueue(EnqueueRequest.of(PlanRequest.group("feed"), "reader")))
                    .isInstanceOfSatisfying(JobsApiException.class, e -> {
                        assertThat(e.code()).isEqualTo(Code.FORBIDDEN);
                        assertThat(e.getMessage()).contains("admin token");
                    });
        }
        assertThat(api.runs(RunFilter.latest(10))).isEmpty();
    }

    @Test
    void anEnqueueWhoseAnswerWasLostIsSentAgainAndEnqueuesOnce() throws Exception {
        try (LosingProxy proxy = new LosingProxy(server.port());
             RestJobsApi client = RestJobsApi.connect("http://127.0.0.1:" + proxy.port(), ADMIN)) {
            EnqueueResult result = client.enqueue(EnqueueRequest.of(PlanRequest.group("feed"), "lossy"));

            assertThat(proxy.requestsForwarded()).isEqualTo(2);
            assertThat(result.count()).isEqualTo(6);
        }
        List<RunView> runs = api.runs(RunFilter.latest(100));
        assertThat(runs).as("one batch, not two").hasSize(6);
    }

    @Test
    void aBadServerUrlIsAnInvalidRequest() {
        assertThat(codeOf(() -> RestJobsApi.connect("localhost:8080", ADMIN))).isEqualTo(Code.INVALID_REQUEST);
    }
}
