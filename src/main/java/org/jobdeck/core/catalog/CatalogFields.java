package org.jobdeck.core.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/** Field names of the catalog format and the small typed reads shared by its readers. */
final class CatalogFields {
    static final Set<String> CATALOG_FIELDS = Set.of("groups", "jobs");
    static final Set<String> GROUP_FIELDS = Set.of("name", "title", "purpose");
    static final Set<String> JOB_FIELDS = Set.of("name", "description", "group", "dependencies",
            "defaultParams", "params", "additionalParams", "examples", "command", "maxAttempts",
            "retryDelaySeconds", "timeoutSeconds");

    private CatalogFields() {
    }

    /** "Job feed-presort" when the object has a usable name, else "Job #3". */
    static String label(String kind, JsonNode node, int position) {
        JsonNode name = node.isObject() ? node.get("name") : null;
        return name != null && name.isTextual() && !name.asText().isBlank()
                ? kind + " " + name.asText()
                : kind + " #" + position;
    }

    static void rejectUnknown(String label, JsonNode node, Set<String> allowed,
                              List<CatalogProblem> problems) {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String field = names.next();
            if (!allowed.contains(field)) {
                problems.add(CatalogProblem.of(label + ": unknown field '" + field + "'"));
            }
        }
    }

    /** A string field, or null when absent; a non-string is reported. */
    static String text(String label, JsonNode node, String field, List<CatalogProblem> problems) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            problems.add(CatalogProblem.of(label + ": field '" + field + "' must be a string"));
            return null;
        }
        return value.asText();
    }

    /** A boolean field, false when absent; a non-boolean is reported. */
    static boolean bool(String label, JsonNode node, String field, List<CatalogProblem> problems) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            problems.add(CatalogProblem.of(label + ": field '" + field + "' must be true or false"));
            return false;
        }
        return value.asBoolean();
    }

    /** An array of strings, or null when absent; anything else is reported. */
    static List<String> strings(String label, JsonNode node, String field,
                                List<CatalogProblem> problems) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        List<String> result = new ArrayList<>();
        if (value.isArray()) {
            for (JsonNode item : value) {
                if (!item.isTextual()) {
                    break;
                }
                result.add(item.asText());
            }
            if (result.size() == value.size()) {
                return result;
            }
        }
        problems.add(CatalogProblem.of(
                label + ": field '" + field + "' must be an array of strings"));
        return List.of();
    }

    /** A whole number at least {@code min}, or null when absent; anything else is reported. */
    static Integer integer(String label, JsonNode node, String field, int min,
                           List<CatalogProblem> problems) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.canConvertToInt() || !value.isIntegralNumber() || value.asInt() < min) {
            problems.add(CatalogProblem.of(label + ": field '" + field
                    + "' must be a whole number of at least " + min));
            return null;
        }
        return value.asInt();
    }
}
