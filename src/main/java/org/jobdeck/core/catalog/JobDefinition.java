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
 *
 * <p>{@code params} declares the job's params by key, in declaration order; a key of
 * {@code defaultParams} is declared too, with its default's type (see {@link JobParams#declared}).
 * {@code additionalParams} lets a handler job take keys it does not declare; a command job never
 * does, since its params become its program's arguments.
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
        Integer timeoutSeconds,
        Map<String, ParamSpec> params,
        boolean additionalParams) {

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
        params = params == null || params.isEmpty() ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /** A job that declares no params beyond its {@code defaultParams}. */
    public JobDefinition(String name, String description, String group, List<String> dependencies,
                         Map<String, Object> defaultParams, List<String> examples, List<String> command,
                         Integer maxAttempts, Integer retryDelaySeconds, Integer timeoutSeconds) {
        this(name, description, group, dependencies, defaultParams, examples, command, maxAttempts,
                retryDelaySeconds, timeoutSeconds, Map.of(), false);
    }

    /** This job with these params declared. */
    public JobDefinition withParams(Map<String, ParamSpec> declared, boolean additional) {
        return new JobDefinition(name, description, group, dependencies, defaultParams, examples, command,
                maxAttempts, retryDelaySeconds, timeoutSeconds, declared, additional);
    }

    /** A job with only the seed's fields. */
    public static JobDefinition of(String name, String description, String group,
                                   List<String> dependencies, Map<String, Object> defaultParams,
                                   List<String> examples) {
        return new JobDefinition(name, description, group, dependencies, defaultParams, examples,
                List.of(), null, null, null, Map.of(), false);
    }
}
