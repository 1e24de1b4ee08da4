package org.jobdeck.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.jobdeck.api.CatalogView;
import org.junit.jupiter.api.Test;

/**
 * Generated and mutated requests, {@value #DEFAULT_REQUESTS} by default, to every endpoint of a
 * real server over a real (H2) database (issue 12, item 6). For each: never a 5xx; every error
 * is the JSON error shape; a refused request stores nothing (batches, runs and the sum of run
 * versions are unchanged). The health check answers 200 throughout and at the end.
 *
 * <p>Seeded: a failure names its seed and request, and
 * {@code -Djobdeck.fuzz.seed=SEED -Djobdeck.fuzz.requests=N} replays it. Failed logins are not
 * throttled here ({@link FailedAuthenticationTest} covers that), or most requests would be 429s.
 */
class RestFuzzTest extends ServerFixture {
    static final int DEFAULT_REQUESTS = 10_000;
    private static final int HEALTH_EVERY = 250;
    private static final HttpClient FUZZ_HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** What a refused request must leave as it was. */
    record Stored(long batches, long runs, long versions) {
    }

    @Override
    protected FailedAuthentications failedAuthentications() {
        return new FailedAuthentications(new FailedAuthentications.Policy(Integer.MAX_VALUE, Duration.ofMinutes(1), 100),
                Clock.systemUTC());
    }

    @Test
    void noRequestGetsA5xxEveryErrorHasTheShapeAndRefusedRequestsStoreNothing() throws Exception {
        long seed = Long.getLong("jobdeck.fuzz.seed", System.nanoTime());
        int count = Integer.getInteger("jobdeck.fuzz.requests", DEFAULT_REQUESTS);
        System.out.println("RestFuzzTest: seed " + seed + ", " + count + " requests"
                + " (replay with -Djobdeck.fuzz.seed=" + seed + ")");
        post("/api/admin/jobs/enqueue-all", ADMIN, null); // runs to cancel, retry and look at
        List<String> jobs = backend.catalog().jobs().stream().map(CatalogView.Job::name).toList();
        Random random = new Random(seed);
        FuzzRequests requests = new FuzzRequests(random, jobs, ADMIN, READER, 40);
        int[] perEndpoint = new int[FuzzRequests.ENDPOINTS.size()];
        int refused = 0;
        Stored stored = stored();
        for (int i = 0; i < count; i++) {
            int endpoint = random.nextInt(FuzzRequests.ENDPOINTS.size());
            perEndpoint[endpoint]++;
            FuzzRequests.Request request = requests.next(endpoint);
            String context = "seed " + seed + ", request " + i + ": " + request.describe();
            RawHttp.Answer answer = refusedUnread(request)
                    ? sendLarge(request, requests, context)
                    : random.nextInt(20) == 0 ? sendRaw(requests.raw(request), context) : send(request, requests, context);
            assertThat(answer.status()).as(context).isBetween(100, 499);
            Stored after = stored();
            if (answer.status() >= 400) {
                refused++;
                assertErrorShape(answer, request, context);
                assertThat(after).as("a refused request stored something; " + context).isEqualTo(stored);
            }
            stored = after;
            if (i % HEALTH_EVERY == 0) {
                assertHealthy(context);
            }
        }
        assertHealthy("after " + count + " requests, seed " + seed);
        System.out.println("RestFuzzTest: " + refused + " of " + count + " refused; " + stored);
        for (int e = 0; e < perEndpoint.length; e++) {
            assertThat(perEndpoint[e]).as(FuzzRequests.ENDPOINTS.get(e).path()).isGreaterThan(count / 30);
        }
    }

    /** Through java.net.http; what it refuses to send (a bad URI, a bad header) goes raw. */
    private RawHttp.Answer send(FuzzRequests.Request request, FuzzRequests requests, String context) throws Exception {
        HttpRequest built;
        try {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url(request.target())))
                    .timeout(Duration.ofSeconds(20))
                    .method(request.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(request.body()));
            for (int h = 0; h < request.headers().size(); h += 2) {
                builder.header(request.headers().get(h), request.headers().get(h + 1));
            }
            built = builder.build();
        } catch (IllegalArgumentException unsendable) {
            return sendRaw(requests.raw(request), context);
        }
        HttpResponse<String> response;
        try {
            response = FUZZ_HTTP.send(built, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            // Also a connection closed after an answer that did not say "Connection: close".
            throw new AssertionError("no answer (" + e + "); " + context, e);
        }
        return new RawHttp.Answer(response.statusCode(),
                "Content-Type: " + response.headers().firstValue("Content-Type").orElse(""), response.body());
    }

    /**
     * A body the server will refuse unread: over the limit (413), or behind a URI or headers too
     * large to parse (414, 431).
     */
    private static boolean refusedUnread(FuzzRequests.Request request) {
        if (request.body() == null || request.body().length == 0) {
            return false;
        }
        int head = request.target().length() + request.headers().stream().mapToInt(String::length).sum();
        return request.body().length > JsonBodies.MAX_BYTES || head > 6 * 1024;
    }

    /**
     * The server answers a body it refuses unread and closes the connection: a client still
     * writing it would never see the answer. So it waits for 100 Continue, as a careful client
     * does (java.net.http's expectContinue waits forever on Java 17 when the answer is final).
     */
    private RawHttp.Answer sendLarge(FuzzRequests.Request request, FuzzRequests requests, String context)
            throws Exception {
        byte[] head = requests.headExpectingContinue(request);
        RawHttp.Answer answer = RawHttp.sendWithContinue(server.port(), head, request.body());
        assertThat(answer.status()).as("no answer to raw " + RawHttp.printable(head) + "; " + context).isNotZero();
        return answer;
    }

    private RawHttp.Answer sendRaw(byte[] bytes, String context) throws Exception {
        RawHttp.Answer answer = RawHttp.send(server.port(), bytes);
        assertThat(answer.status()).as("no answer to raw " + RawHttp.printable(bytes) + "; " + context).isNotZero();
        return answer;
    }

    private static void assertErrorShape(RawHttp.Answer answer, FuzzRequests.Request request, String context)
            throws Exception {
        if (request.method().equals("HEAD")) {
            return; // no body to judge
        }
        assertThat(answer.contentType()).as(context).startsWith("application/json");
        JsonNode root = JSON.readTree(answer.body());
        assertThat(fieldNames(root)).as(context + " -> " + answer.body()).containsExactly("error");
        JsonNode error = root.get("error");
        assertThat(fieldNames(error)).as(context + " -> " + answer.body()).containsExactly("code", "message");
        assertThat(error.get("code").asText()).as(context).matches("[a-z_]+");
        assertThat(error.get("message").asText()).as(context).isNotBlank()
                .doesNotContain("SQL statement").doesNotContain("org.h2").doesNotContain("Exception:");
    }

    private void assertHealthy(String context) throws Exception {
        Answer health = get("/api/admin/health", null);
        assertThat(health.status()).as("health; " + context).isEqualTo(200);
        assertThat(health.body()).as("health; " + context).isEqualTo("{\"status\":\"ok\"}");
    }

    private Stored stored() throws SQLException {
        try (Connection connection = backend.store().database().dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT (SELECT COUNT(*) FROM jd_batch),"
                     + " (SELECT COUNT(*) FROM jd_run), (SELECT COALESCE(SUM(version), 0) FROM jd_run)")) {
            row.next();
            return new Stored(row.getLong(1), row.getLong(2), row.getLong(3));
        }
    }
}
