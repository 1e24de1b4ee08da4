package org.jobdeck.api;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an idempotency key is bound to: the SHA-256, in hex, of an enqueue written as canonical
 * JSON, {@code {"group":…,"jobs":[…],"params":{…},"requestedBy":…,"scope":…}}. The scope stands
 * for the endpoint ({@code all}, {@code group}, {@code jobs}: enqueue-all, enqueue-group,
 * enqueue), so a key cannot move between endpoints.
 *
 * <p>Canonical means: object keys sorted, no white space, and each value written one way only.
 * Integers of any Java type are their digits; floating-point numbers are {@link Double#toString}
 * (so {@code 8} and {@code 8.0} differ, as the stored params and a command's arguments would),
 * a {@code BigDecimal} its digits without trailing zeros;
 * job order is kept, since it is the order the request named them in. The writer is our own,
 * not Jackson's, because fingerprints are stored for 24 hours and must not change with a
 * library's defaults.
 */
public final class RequestFingerprint {
    private RequestFingerprint() {
    }

    /** The fingerprint of {@code request} (its idempotency key is not part of it). */
    public static String of(EnqueueRequest request) {
        PlanRequest selection = request.selection();
        Map<String, Object> canonical = new TreeMap<>();
        canonical.put("scope", selection.scope().wireName());
        canonical.put("group", selection.group());
        canonical.put("jobs", selection.jobs());
        canonical.put("params", request.params());
        canonical.put("requestedBy", request.requestedBy());
        return sha256(canonicalJson(canonical));
    }

    /** The canonical JSON text of a value made of maps, collections, strings, numbers and booleans. */
    static String canonicalJson(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    private static void write(Object value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String text) {
            writeString(text, out);
        } else if (value instanceof Boolean flag) {
            out.append(flag);
        } else if (value instanceof Number number) {
            out.append(number(number));
        } else if (value instanceof Map<?, ?> map) {
            Map<String, Object> sorted = new TreeMap<>();
            map.forEach((key, item) -> sorted.put(String.valueOf(key), item));
            out.append('{');
            String separator = "";
            for (Map.Entry<String, Object> entry : sorted.entrySet()) {
                out.append(separator);
                writeString(entry.getKey(), out);
                out.append(':');
                write(entry.getValue(), out);
                separator = ",";
            }
            out.append('}');
        } else if (value instanceof Collection<?> items) {
            out.append('[');
            String separator = "";
            for (Object item : items) {
                out.append(separator);
                write(item, out);
                separator = ",";
            }
            out.append(']');
        } else {
            // Not a JSON value (a face that passed an object): its type keeps it apart from a string.
            writeString(value.getClass().getName() + ":" + value, out);
        }
    }

    private static String number(Number number) {
        if (number instanceof Double || number instanceof Float) {
            return Double.toString(number.doubleValue()); // NaN and Infinity stay unquoted: never a string
        }
        if (number instanceof BigDecimal decimal) {
            return decimal.stripTrailingZeros().toString();
        }
        if (number instanceof BigInteger || number instanceof Long || number instanceof Integer
                || number instanceof Short || number instanceof Byte) {
            return number.toString();
        }
        return number.getClass().getName() + ":" + number;
    }

    private static void writeString(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || Character.isSurrogate(c)) {
                // Control characters and surrogates as escapes: a lone surrogate has no UTF-8 form.
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
