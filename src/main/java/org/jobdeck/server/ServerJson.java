package org.jobdeck.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.javalin.http.Context;

/**
 * The server's JSON: responses written with the records' field order (the seed's enqueue shape
 * depends on it), request bodies read strictly (no unknown fields, no duplicate keys, nothing
 * after the document).
 */
final class ServerJson {
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private ServerJson() {
    }

    static void respond(Context ctx, int status, Object value) {
        ctx.status(status).contentType("application/json").result(write(value));
    }

    static void ok(Context ctx, Object value) {
        respond(ctx, 200, value);
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON for " + value.getClass().getName(), e);
        }
    }

    /** {@code {"error":{"code":…,"message":…}}}, the one shape of every error. */
    record ErrorBody(Detail error) {
        record Detail(String code, String message) {
        }
    }

    static ErrorBody error(String code, String message) {
        return new ErrorBody(new ErrorBody.Detail(code, message));
    }
}
