package org.jobdeck.core.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a job's {@code "params"} object of the catalog format: the shape of each declaration.
 * Whether the declarations make sense (a default of the declared type, min not above max, a valid
 * key) is {@link ParamDeclarations}' part, so catalogs built in code are checked the same way.
 */
final class ParamDeclarationReader {
    static final Set<String> PARAM_FIELDS = Set.of("type", "description", "required", "default", "enum", "min", "max");

    private ParamDeclarationReader() {
    }

    /** The declarations that could be read, in order; a declaration without a usable type is left out. */
    static Map<String, ParamSpec> read(String label, JsonNode node, List<CatalogProblem> problems) {
        Map<String, ParamSpec> specs = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return specs;
        }
        if (!node.isObject()) {
            problems.add(CatalogProblem.of(label + ": field 'params' must be an object of declarations,"
                    + " e.g. {\"userId\": {\"type\": \"integer\"}}"));
            return specs;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String where = label + ": params." + field.getKey();
            ParamSpec spec = declaration(where, field.getValue(), problems);
            if (spec != null) {
                specs.put(field.getKey(), spec);
            }
        }
        return specs;
    }

    private static ParamSpec declaration(String where, JsonNode node, List<CatalogProblem> problems) {
        if (!node.isObject()) {
            problems.add(CatalogProblem.of(where + " must be an object, e.g. {\"type\": \"integer\"}"));
            return null;
        }
        CatalogFields.rejectUnknown(where, node, PARAM_FIELDS, problems);
        Optional<ParamType> type = type(where, node.get("type"), problems);
        String description = CatalogFields.text(where, node, "description", problems);
        boolean required = CatalogFields.bool(where, node, "required", problems);
        Object defaultValue = scalar(where, "default", node.get("default"), problems);
        List<Object> choices = choices(where, node.get("enum"), problems);
        Number min = number(where, "min", node.get("min"), problems);
        Number max = number(where, "max", node.get("max"), problems);
        return type.map(t -> new ParamSpec(t, description, required, defaultValue, choices, min, max)).orElse(null);
    }

    private static Optional<ParamType> type(String where, JsonNode node, List<CatalogProblem> problems) {
        if (node == null || node.isNull()) {
            problems.add(CatalogProblem.of(where + ": missing required field 'type' (" + ParamType.choices() + ")"));
            return Optional.empty();
        }
        Optional<ParamType> type = node.isTextual() ? ParamType.named(node.asText()) : Optional.empty();
        if (type.isEmpty()) {
            problems.add(CatalogProblem.of(where + ": unknown type " + (node.isTextual() ? Quoting.text(node.asText())
                    : node.toString()) + " (use " + ParamType.choices() + ")"));
        }
        return type;
    }

    /** A number, string or boolean, as Java values; null when absent or reported. */
    static Object scalar(String where, String field, JsonNode node, List<CatalogProblem> problems) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isNumber()) {
            return node.numberValue();
        }
        if (node.isTextual()) {
            return node.asText();
        }
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        problems.add(CatalogProblem.of(where + ": field '" + field + "' must be a number, string or boolean"));
        return null;
    }

    private static List<Object> choices(String where, JsonNode node, List<CatalogProblem> problems) {
        List<Object> choices = new ArrayList<>();
        if (node == null || node.isNull()) {
            return choices;
        }
        if (!node.isArray() || node.isEmpty()) {
            problems.add(CatalogProblem.of(where + ": field 'enum' must be a non-empty array of the allowed values"));
            return choices;
        }
        for (JsonNode item : node) {
            Object value = scalar(where, "enum", item, problems);
            if (value != null) {
                choices.add(value);
            } else if (item.isNull()) {
                problems.add(CatalogProblem.of(where + ": field 'enum' must not list null"));
            }
        }
        return choices;
    }

    private static Number number(String where, String field, JsonNode node, List<CatalogProblem> problems) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isNumber()) {
            problems.add(CatalogProblem.of(where + ": field '" + field + "' must be a number"));
            return null;
        }
        return node.numberValue();
    }
}
