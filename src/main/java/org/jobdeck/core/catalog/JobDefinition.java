package org.jobdeck.core.catalog;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One job of the catalog, as declared.
 *
 * <p>{@code defaultParams} keeps declaration order and holds only numbers, strings and booleans.
 * The execution fields are optional: {@code command} is empty for a job run by a registered
 * handler, and a null {@code maxAttempts}, {@code retryDelaySeconds} or {@code timeoutSeconds}
 * means "the queue's default".
 */
public record JobDefinition(
        String name,
        String description,
        String group,
        List<String> dependencies,
        Map<String, Object> defaultParams,
        List<String> examples,
        List<String> command,
        Integer maxAttempts,
        Integer retryDelaySeconds,
        Integer timeoutSeconds) {

    /** What an empty, non-null {@code defaultParams} becomes; immutable, so one is shared. */
    private static final Map<String, Object> NO_PARAMS =
            Collections.unmodifiableMap(new LinkedHashMap<>());

    public JobDefinition {
        Objects.requireNonNull(name, "name");
        dependencies = List.copyOf(dependencies == null ? List.of() : dependencies);
        defaultParams = defaultParams == null
                ? Map.of()
                : defaultParams.isEmpty()
                        ? NO_PARAMS
                        : Collections.unmodifiableMap(new LinkedHashMap<>(defaultParams));
        examples = List.copyOf(examples == null ? List.of() : examples);
        command = List.copyOf(command == null ? List.of() : command);
    }

    /** A job with only the seed's fields. */
    public static JobDefinition of(String name, String description, String group,
                                   List<String> dependencies, Map<String, Object> defaultParams,
                                   List<String> examples) {
        return new JobDefinition(name, description, group, dependencies, defaultParams, examples,
                List.of(), null, null, null);
    }
}
