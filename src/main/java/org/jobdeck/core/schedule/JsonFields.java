package org.jobdeck.core.schedule;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Typed reads of one JSON object of the schedule format, each reporting what is wrong under a
 * label ("Schedule nightly") and the field's path ("target.jobs"), and never throwing.
 */
final class JsonFields {
    private final String label;
    private final List<ScheduleProblem> problems;

    JsonFields(String label, List<ScheduleProblem> problems) {
        this.label = label;
        this.problems = problems;
    }

    void problem(ScheduleField field, String detail) {
        problems.add(new ScheduleProblem(field, label + ": " + detail));
    }

    void problem(ScheduleException e) {
        problems.add(e.problem().at(label));
    }

    void rejectUnknown(JsonNode node, String path, Set<String> allowed, ScheduleField field) {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!allowed.contains(name)) {
                problem(field, "unknown field '" + path + name + "'");
            }
        }
    }

    /** A string, or null when absent (reported when {@code required}) or not a string. */
    String text(JsonNode node, String path, String name, ScheduleField field, boolean required) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            if (required) {
                problem(field, "missing required field '" + path + name + "'");
            }
            return null;
        }
        if (!value.isTextual()) {
            problem(field, "field '" + path + name + "' must be a string");
            return null;
        }
        return value.asText();
    }

    /** A whole number of at least 1, or null when absent or wrong (reported). */
    Long seconds(JsonNode node, String path, String name, ScheduleField field) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            problem(field, "field '" + path + name + "' must be a whole number of seconds");
            return null;
        }
        return value.asLong();
    }

    /** A boolean, or {@code fallback} when absent; anything else is reported. */
    boolean flag(JsonNode node, String name, ScheduleField field, boolean fallback) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isBoolean()) {
            problem(field, "field '" + name + "' must be true or false");
            return fallback;
        }
        return value.asBoolean();
    }

    /** An array of strings, or null when absent or wrong (reported). */
    List<String> strings(JsonNode node, String path, String name, ScheduleField field) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        List<String> result = new ArrayList<>();
        if (value.isArray()) {
            for (JsonNode item : value) {
                if (item.isTextual()) {
                    result.add(item.asText());
                }
            }
            if (result.size() == value.size()) {
                return result;
            }
        }
        problem(field, "field '" + path + name + "' must be an array of strings");
        return null;
    }

    /** An object, or null when absent or not an object (reported). */
    JsonNode object(JsonNode node, String path, String name, ScheduleField field, boolean required) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            if (required) {
                problem(field, "missing required field '" + path + name + "'");
            }
            return null;
        }
        if (!value.isObject()) {
            problem(field, "field '" + path + name + "' must be an object");
            return null;
        }
        return value;
    }
}
