package org.jobdeck.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * The answer to a request for an event stream, without waiting for a stream's body: a refusal
 * (4xx) with its JSON error, or a 200 whose stream is closed at once. A test that expects a
 * refusal then fails on a 200 instead of reading an endless stream.
 */
record StreamAnswer(int status, String body, HttpHeaders headers) {
    static StreamAnswer send(HttpClient http, HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            String text = response.statusCode() == 200 ? "" : new String(body.readAllBytes(), StandardCharsets.UTF_8);
            return new StreamAnswer(response.statusCode(), text, response.headers());
        }
    }

    String errorCode() throws IOException {
        return error().path("code").asText();
    }

    String errorMessage() throws IOException {
        return error().path("message").asText();
    }

    private JsonNode error() throws IOException {
        return ServerFixture.JSON.readTree(body).path("error");
    }
}
