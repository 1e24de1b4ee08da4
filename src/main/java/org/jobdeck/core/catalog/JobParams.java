package org.jobdeck.core.catalog;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A run's params: the job's defaultParams overridden by the params given at enqueue. A key that
 * has a default keeps the default's type (number, string or boolean); other keys are allowed
 * (the seed passes {@code --userId=8}) as long as they are one of those three types.
 */
public final class JobParams {
    private JobParams() {
    }

    public static Map<String, Object> merge(JobDefinition job, Map<String, Object> given) {
        Map<String, Object> merged = new LinkedHashMap<>(job.defaultParams());
        if (given != null) {
            given.forEach((key, value) -> merged.put(key, check(job, key, value)));
        }
        return merged;
    }

    private static Object check(JobDefinition job, String key, Object value) {
        String actual = typeOf(value);
        if (actual == null) {
            throw new InvalidParamsException("Job " + job.name() + ": param '" + key
                    + "' must be a number, string or boolean, got " + describe(value));
        }
        Object fallback = job.defaultParams().get(key);
        if (fallback != null && !typeOf(fallback).equals(actual)) {
            throw new InvalidParamsException("Job " + job.name() + ": param '" + key + "' must be a "
                    + typeOf(fallback) + ", got " + actual + " " + describe(value));
        }
        return value;
    }

    /**
     * Reads a value typed on a command line ({@code --param job.key=value}): as the default's
     * type when the key has a default, else as a number or boolean when it looks like one.
     */
    public static Object parse(JobDefinition job, String key, String text) {
        Object fallback = job.defaultParams().get(key);
        String expected = fallback == null ? null : typeOf(fallback);
        if ("string".equals(expected)) {
            return text;
        }
        if ("boolean".equals(expected) || (expected == null && isBoolean(text))) {
            if (!isBoolean(text)) {
                throw new InvalidParamsException("Job " + job.name() + ": param '" + key
                        + "' must be a boolean (true or false), got \"" + text + "\"");
            }
            return Boolean.parseBoolean(text.trim());
        }
        Number number = parseNumber(text);
        if (number == null && "number".equals(expected)) {
            throw new InvalidParamsException("Job " + job.name() + ": param '" + key
                    + "' must be a number, got \"" + text + "\"");
        }
        return number == null ? text : number;
    }

    private static boolean isBoolean(String text) {
        String t = text.trim();
        return t.equalsIgnoreCase("true") || t.equalsIgnoreCase("false");
    }

    private static Number parseNumber(String text) {
        String t = text.trim();
        try {
            return Long.valueOf(t);
        } catch (NumberFormatException notLong) {
            try {
                double d = Double.parseDouble(t);
                return Double.isFinite(d) && !t.isEmpty() && !t.endsWith("d") && !t.endsWith("f") ? d : null;
            } catch (NumberFormatException notNumber) {
                return null;
            }
        }
    }

    /** "number", "string", "boolean", or null for anything else. */
    static String typeOf(Object value) {
        if (value instanceof Number) {
            return "number";
        }
        if (value instanceof String) {
            return "string";
        }
        if (value instanceof Boolean) {
            return "boolean";
        }
        return null;
    }

    private static String describe(Object value) {
        return value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
    }
}
