package org.jobdeck.client;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.jobdeck.api.JobsApiException;
import org.jobdeck.api.JobsApiException.Code;

/**
 * HTTP for {@link RestJobsApi}: URLs under {@code /api/admin/jobs}, the bearer token, JSON both
 * ways, and every failure turned into a {@link JobsApiException} a UI can show as it is
 * ({@link RestErrors}).
 */
final class RestTransport {
    static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES) // newer servers may add fields
            .build();
    private static final MediaType JSON_TYPE = MediaType.get("application/json");
    private static final byte[] NO_BODY = new byte[0];

    private final HttpUrl base;
    private final String display;
    private final String token;
    private final OkHttpClient http;

    RestTransport(HttpUrl base, String display, String token, OkHttpClient http) {
        this.base = base;
        this.display = display;
        this.token = token;
        this.http = http;
    }

    /** The server URL as the user gave it, without a trailing slash. */
    String display() {
        return display;
    }

    OkHttpClient http() {
        return http;
    }

    boolean hasToken() {
        return token != null;
    }

    /** {@code BASE/api/admin/jobs/SEGMENT…}, each segment encoded. */
    HttpUrl.Builder url(String... segments) {
        HttpUrl.Builder builder = admin("jobs");
        for (String segment : segments) {
            builder.addPathSegment(segment);
        }
        return builder;
    }

    /** {@code BASE/api/admin/SEGMENT…}, each segment encoded (the schedules live beside the jobs). */
    HttpUrl.Builder admin(String... segments) {
        HttpUrl.Builder builder = base.newBuilder().addPathSegments("api/admin");
        for (String segment : segments) {
            builder.addPathSegment(segment);
        }
        return builder;
    }


    Request.Builder request(HttpUrl url) {
        Request.Builder builder = new Request.Builder().url(url).header("Accept", "application/json");
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    <T> T get(HttpUrl url, JavaType type) {
        try {
            return call(request(url).get().build(), type);
        } catch (IOException e) {
            throw RestErrors.unreachable(display, e);
        }
    }

    <T> T get(HttpUrl url, Class<T> type) {
        return get(url, JSON.constructType(type));
    }

    /** A POST with a JSON body (or none, when {@code body} is null), and extra headers. */
    <T> T post(HttpUrl url, Object body, Map<String, String> headers, Class<T> type) {
        try {
            return postOnce(url, body, headers, type);
        } catch (IOException e) {
            throw RestErrors.unreachable(display, e);
        }
    }

    /** A PUT with a JSON body, and extra headers. */
    <T> T put(HttpUrl url, Object body, Class<T> type, Map<String, String> headers) {
        try {
            Request.Builder builder = request(url).put(RequestBody.create(json(body), JSON_TYPE));
            headers.forEach(builder::header);
            return call(builder.build(), JSON.constructType(type));
        } catch (IOException e) {
            throw RestErrors.unreachable(display, e);
        }
    }

    /** A DELETE; the answer's body is not read. */
    void delete(HttpUrl url) {
        try {
            call(request(url).delete().build(), JSON.constructType(Object.class));
        } catch (IOException e) {
            throw RestErrors.unreachable(display, e);
        }
    }

    /** Like {@link #post}, but lets the caller see an I/O failure, to retry it. */
    <T> T postOnce(HttpUrl url, Object body, Map<String, String> headers, Class<T> type) throws IOException {
        return call(postRequest(url, body, headers), JSON.constructType(type));
    }

    private Request postRequest(HttpUrl url, Object body, Map<String, String> headers) {
        byte[] bytes = body == null ? NO_BODY : json(body);
        Request.Builder builder = request(url).post(RequestBody.create(bytes, body == null ? null : JSON_TYPE));
        headers.forEach(builder::header);
        return builder.build();
    }

    private static byte[] json(Object body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new JobsApiException(Code.INVALID_REQUEST, "Cannot write the request as JSON: " + e.getMessage(), e);
        }
    }

    private <T> T call(Request request, JavaType type) throws IOException {
        byte[] bytes;
        try (Response response = http.newCall(request).execute()) {
            ResponseBody body = response.body();
            bytes = body.bytes();
            if (!response.isSuccessful()) {
                throw RestErrors.fromResponse(display, response.code(), errorOf(bytes), token != null);
            }
        }
        try {
            return JSON.readValue(bytes, type);
        } catch (IOException e) {
            throw new JobsApiException(Code.SERVER_ERROR, display + " answered with unexpected JSON: "
                    + e.getMessage().lines().findFirst().orElse(""), e);
        }
    }

    /** The {@code error} object of an error body, or null when the body is not the server's error JSON. */
    private static JsonNode errorOf(byte[] bytes) {
        try {
            JsonNode error = JSON.readTree(bytes).path("error");
            return error.isObject() ? error : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
