package org.jobdeck.core.catalog;

import java.util.List;
import java.util.Map;

/**
 * Values and keys as a one-line message shows them. What a client sent is untrusted: a newline in
 * a key must not start a second line of an error or a log, and a 60 KiB value must not fill one.
 */
final class Quoting {
    private static final int MAX_SHOWN = 60;

    private Quoting() {
    }

    /** {@code "text"}, escaped and shortened. */
    static String text(String text) {
        return '"' + escaped(text) + '"';
    }

    /** {@code 'key'}, escaped and shortened, as messages name a param. */
    static String key(String key) {
        return key == null ? "null" : '\'' + escaped(key) + '\'';
    }

    /** A JSON value with its kind: {@code string "x"}, {@code number 5}, {@code boolean true}, {@code null}. */
    static String typed(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String s) {
            return "string " + text(s);
        }
        if (value instanceof Number n) {
            return "number " + ParamNumbers.format(n);
        }
        if (value instanceof Boolean) {
            return "boolean " + value;
        }
        return value instanceof List<?> ? "an array" : value instanceof Map<?, ?> ? "an object"
                : "a " + value.getClass().getSimpleName();
    }

    /** A value as a message lists it: strings quoted, numbers as written. */
    static String plain(Object value) {
        return value instanceof String s ? text(s) : value instanceof Number n ? ParamNumbers.format(n)
                : String.valueOf(value);
    }

    /** The text with control characters escaped, shortened to a readable length. */
    static String escaped(String text) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_SHOWN) + 8);
        for (int i = 0; i < text.length(); i++) {
            if (out.length() >= MAX_SHOWN) {
                return out.append('…').toString();
            }
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
