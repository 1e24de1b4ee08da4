package org.jobdeck.server;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Request bodies: at most {@link #MAX_BYTES} (else 413), JSON only (else 415), well-formed (else
 * 400 malformed_json) and of the expected shape with no unknown field (else 400
 * invalid_request). The limits are checked before a handler runs, from the headers, and again
 * while reading, for a body sent without a length.
 */
final class JsonBodies {
    static final int MAX_BYTES = 64 * 1024;

    private JsonBodies() {
    }

    /** A before-handler for every POST and PUT: size and media type, from the headers alone. */
    static void checkHeaders(Context ctx) {
        if (ctx.method() != HandlerType.POST && ctx.method() != HandlerType.PUT || !hasBody(ctx)) {
            return;
        }
        if (ctx.req().getContentLengthLong() > MAX_BYTES) {
            throw tooLarge();
        }
        if (!isJson(ctx.header("Content-Type"))) {
            throw new HttpProblem(415, "unsupported_media_type",
                    "Send the body as JSON with Content-Type: application/json (got "
                            + (ctx.header("Content-Type") == null ? "none" : ctx.header("Content-Type")) + ")");
        }
    }

    /**
     * The body as a {@code type}, or null when the request has no body (the endpoints where the
     * body is optional then use their defaults).
     */
    static <T> T read(Context ctx, Class<T> type) {
        if (!hasBody(ctx)) {
            return null;
        }
        byte[] bytes = readBounded(ctx);
        if (bytes.length == 0) {
            return null;
        }
        try {
            T value = ServerJson.MAPPER.readValue(bytes, type);
            if (value == null) {
                throw HttpProblem.invalidRequest("The body must be a JSON object");
            }
            return value;
        } catch (UnrecognizedPropertyException e) {
            String known = e.getKnownPropertyIds() == null ? "" : e.getKnownPropertyIds().stream()
                    .map(Object::toString).sorted().collect(Collectors.joining(", ", " (known fields: ", ")"));
            throw HttpProblem.invalidRequest("Unknown field '" + e.getPropertyName() + "'" + known);
        } catch (StreamReadException e) {
            throw new HttpProblem(400, "malformed_json", "Malformed JSON: " + firstLine(e));
        } catch (JsonMappingException e) {
            throw HttpProblem.invalidRequest("Invalid body" + where(e) + ": " + firstLine(e));
        } catch (JacksonException e) {
            // A document past the parser's limits (a number of over 1000 digits, nesting over 1000
            // deep) is read no further: the client's to fix, like any malformed JSON.
            throw new HttpProblem(400, "malformed_json", "Malformed JSON: " + firstLine(e));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * An after-handler: reads and drops what is left of a body within the limit, before the answer
     * goes out. A request answered without its body being read (a 401, a health check, a cancel
     * sent with a body) would otherwise be answered while its client is still writing, and Jetty
     * then closes the connection under it: the client sees a broken pipe, not the answer. A body
     * over the limit (413) is not read: that connection is closed on, as 413 allows.
     */
    static void discardUnread(Context ctx) {
        if (ctx.statusCode() == 413 || ctx.req().getContentLengthLong() > MAX_BYTES || !hasBody(ctx)) {
            return;
        }
        try (InputStream in = ctx.req().getInputStream()) {
            in.readNBytes(MAX_BYTES + 1);
        } catch (IOException | RuntimeException gone) {
            // a client that stopped sending: it will not read the answer either
        }
    }

    /** The body as text (at most {@link #MAX_BYTES}), for a reader of its own; empty when there is none. */
    static String text(Context ctx) {
        return hasBody(ctx) ? new String(readBounded(ctx), java.nio.charset.StandardCharsets.UTF_8) : "";
    }

    static boolean hasBody(Context ctx) {
        return ctx.req().getContentLengthLong() > 0 || ctx.header("Transfer-Encoding") != null;
    }

    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String mediaType = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return mediaType.equals("application/json");
    }

    private static byte[] readBounded(Context ctx) {
        try (InputStream in = ctx.req().getInputStream()) {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw tooLarge();
            }
            return bytes;
        } catch (IOException e) {
            throw HttpProblem.invalidRequest("Cannot read the request body: " + e.getMessage());
        }
    }

    private static HttpProblem tooLarge() {
        return new HttpProblem(413, "payload_too_large",
                "The body is larger than " + MAX_BYTES / 1024 + " KiB");
    }

    private static String where(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
        return path.isEmpty() ? "" : " at '" + path + "'";
    }

    private static String firstLine(JacksonException e) {
        String message = e.getOriginalMessage();
        return message == null ? e.getClass().getSimpleName() : message.lines().findFirst().orElse(message);
    }
}
