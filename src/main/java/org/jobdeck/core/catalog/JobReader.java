package org.jobdeck.core.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads one job object of the catalog format, reporting what is wrong with it. */
final class JobReader {
    private JobReader() {
    }

    /** The job, or null when it cannot take part in validation at all (not an object, no name). */
    static JobDefinition read(JsonNode node, int position, List<CatalogProblem> problems) {
        String label = CatalogFields.label("Job", node, position);
        if (!node.isObject()) {
            problems.add(CatalogProblem.of(label + ": must be an object"));
            return null;
        }
        CatalogFields.rejectUnknown(label, node, CatalogFields.JOB_FIELDS, problems);
        String name = CatalogFields.text(label, node, "name", problems);
        if (name == null || name.isBlank()) {
            problems.add(CatalogProblem.of(label + ": missing required field 'name'"));
            return null;
        }
        String description = CatalogFields.text(label, node, "description", problems);
        String group = CatalogFields.text(label, node, "group", problems);
        List<String> dependencies = CatalogFields.strings(label, node, "dependencies", problems);
        List<String> examples = CatalogFields.strings(label, node, "examples", problems);
        if (!node.hasNonNull("examples")) {
            problems.add(CatalogProblem.of(label + ": missing required field 'examples'"));
        }
        List<String> command = CatalogFields.strings(label, node, "command", problems);
        if (command != null && command.isEmpty() && node.get("command").isArray()) {
            problems.add(CatalogProblem.of(label + ": field 'command' must name a program"));
        }
        return new JobDefinition(name, description, group, dependencies,
                params(label, node.get("defaultParams"), problems), examples, command,
                CatalogFields.integer(label, node, "maxAttempts", 1, problems),
                CatalogFields.integer(label, node, "retryDelaySeconds", 0, problems),
                CatalogFields.integer(label, node, "timeoutSeconds", 1, problems),
                ParamDeclarationReader.read(label, node.get("params"), problems),
                CatalogFields.bool(label, node, "additionalParams", problems));
    }

    /** defaultParams: an object whose values are numbers, strings or booleans. */
    private static Map<String, Object> params(String label, JsonNode node,
                                              List<CatalogProblem> problems) {
        Map<String, Object> params = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return params;
        }
        if (!node.isObject()) {
            problems.add(CatalogProblem.of(label + ": field 'defaultParams' must be an object"));
            return params;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = field.getValue();
            if (value.isNumber()) {
                params.put(field.getKey(), value.numberValue()); // finiteness: ParamDeclarations
            } else if (value.isTextual()) {
                params.put(field.getKey(), value.asText());
            } else if (value.isBoolean()) {
                params.put(field.getKey(), value.asBoolean());
            } else {
                problems.add(CatalogProblem.of(label + ": defaultParams." + field.getKey()
                        + " must be a number, string or boolean"));
            }
        }
        return params;
    }
}
