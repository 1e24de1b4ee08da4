package org.jobdeck.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.jobdeck.client.EmbeddedJobsApi;
import org.jobdeck.core.catalog.CatalogReader;
import org.jobdeck.core.catalog.JobCatalog;
import org.jobdeck.queue.TestDatabases;
import org.jobdeck.queue.handler.HandlerRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A real server on a free port over a fresh in-memory queue (no workers), and raw HTTP with
 * java.net.http, so the tests see exactly what goes over the wire.
 */
abstract class ServerFixture {
    static final String ADMIN = "admin-token-0123456789-abcdefghij";
    static final String READER = "reader-token-0123456789-abcdefghij";
    static final ObjectMapper JSON = new ObjectMapper();

    protected EmbeddedJobsApi backend;
    protected JobdeckServer server;
    protected final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** One answer: status, body, and the headers a test may look at. */
    record Answer(int status, String body, HttpResponse<String> response) {
        JsonNode json() throws IOException {
            return JSON.readTree(body);
        }

        String errorCode() throws IOException {
            return json().path("error").path("code").asText();
        }

        String errorMessage() throws IOException {
            return json().path("error").path("message").asText();
        }
    }

    @BeforeEach
    void startServer() {
        backend = EmbeddedJobsApi.open(catalog(), TestDatabases.h2(),
                new HandlerRegistry(), null);
        server = JobdeckServer.start(backend, JobdeckServer.Settings.of("127.0.0.1", 0, ADMIN, READER)
                .withKeepAlive(300), failedAuthentications());
    }

    /** How failed authentications are counted; a test that needs another clock or policy overrides it. */
    protected FailedAuthentications failedAuthentications() {
        return new FailedAuthentications(FailedAuthentications.Policy.standard(), Clock.systemUTC());
    }

    /** The catalog the server serves: the built-in one, unless a test needs its own. */
    protected JobCatalog catalog() {
        return CatalogReader.readDefault().toCatalog();
    }

    @AfterEach
    void stopServer() {
        server.close();
        backend.close();
    }

    String url(String path) {
        return server.url() + path;
    }

    HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(20));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    Answer send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body(), response);
    }

    Answer get(String path, String token) throws IOException, InterruptedException {
        return send(request(path, token).GET().build());
    }

    /** A POST with a JSON body, or with none when {@code json} is null. */
    Answer post(String path, String token, String json) throws IOException, InterruptedException {
        HttpRequest.Builder builder = request(path, token);
        if (json == null) {
            builder.POST(HttpRequest.BodyPublishers.noBody());
        } else {
            builder.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        }
        return send(builder.build());
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        Iterator<String> it = node.fieldNames();
        it.forEachRemaining(names::add);
        return names;
    }

    /** How many runs the queue holds, whatever their state. */
    int runCount() {
        return backend.counts().values().stream().mapToInt(Integer::intValue).sum();
    }
}
