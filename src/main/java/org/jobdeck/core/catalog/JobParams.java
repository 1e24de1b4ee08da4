package org.jobdeck.core.catalog;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A run's params: the job's defaults overridden by the params given at enqueue, every one checked
 * against the job's declarations before anything is stored.
 *
 * <p>The rules, in the order they are applied to each given key:
 * <ol>
 *   <li>the key follows {@link ParamKeys} (a letter, then letters, digits, '_', '.' or '-');</li>
 *   <li>the key is declared, under {@code params} or as a key of {@code defaultParams}; a handler
 *       job with {@code "additionalParams": true} also takes undeclared keys (any finite number,
 *       string or boolean), a job with a {@code command} never does, since its params become its
 *       program's arguments;</li>
 *   <li>the value fits the declaration: its type (numbers finite, integers whole and within a
 *       long), then its enum, then min and max.</li>
 * </ol>
 * Then every required param must have a value, given or default.
 */
public final class JobParams {
    private JobParams() {
    }

    /**
     * Every param the job declares, by key: its {@code params} in declaration order, then each key
     * of {@code defaultParams} not declared there, typed by its default ({@link ParamType#declaredBy}).
     */
    public static Map<String, ParamSpec> declared(JobDefinition job) {
        Map<String, ParamSpec> declared = new LinkedHashMap<>(job.params());
        job.defaultParams().forEach((key, value) -> {
            if (!declared.containsKey(key)) {
                ParamType.declaredBy(value).ifPresent(type -> declared.put(key, ParamSpec.of(type)));
            }
        });
        return declared;
    }

    /** The key's default: its {@code defaultParams} value, else its declaration's; null for none. */
    public static Object defaultOf(JobDefinition job, String key) {
        Object value = job.defaultParams().get(key);
        if (value != null) {
            return value;
        }
        ParamSpec spec = job.params().get(key);
        return spec == null ? null : spec.defaultValue();
    }

    /** True when the job takes keys it does not declare: a handler job that says so. */
    public static boolean takesUndeclared(JobDefinition job) {
        return job.additionalParams() && job.command().isEmpty();
    }

    /**
     * @param given the params given at enqueue (JSON values or Java objects); may be null
     * @return the defaults overridden by the given params, in that order
     * @throws InvalidParamsException naming the job, the key and what is wrong, at the first problem
     */
    public static Map<String, Object> merge(JobDefinition job, Map<String, Object> given) {
        Map<String, ParamSpec> declared = declared(job);
        Map<String, Object> merged = new LinkedHashMap<>(job.defaultParams());
        job.params().forEach((key, spec) -> {
            if (spec.defaultValue() != null) {
                merged.putIfAbsent(key, spec.defaultValue());
            }
        });
        if (given != null) {
            given.forEach((key, value) -> merged.put(key, accept(job, declared, key, value)));
        }
        declared.forEach((key, spec) -> {
            if (spec.required() && merged.get(key) == null) {
                throw refused(job, key, "is required (" + spec.type() + "), and has no default");
            }
        });
        return merged;
    }

    /**
     * Reads a value typed on a command line or in the console ({@code --param job.key=value}): as
     * its declared type, or, for an undeclared key of a job that takes them, as a boolean or a
     * number when it looks like one and as a string otherwise.
     *
     * @throws InvalidParamsException naming the job, the key and what is wrong
     */
    public static Object parse(JobDefinition job, String key, String text) {
        Map<String, ParamSpec> declared = declared(job);
        ParamSpec spec = requireKnown(job, declared, key);
        ParamCheck check = spec != null ? spec.read(text) : undeclaredType(text).read(text);
        if (!check.isAccepted()) {
            throw refused(job, key, check.problem());
        }
        return check.value();
    }

    private static Object accept(JobDefinition job, Map<String, ParamSpec> declared, String key, Object value) {
        ParamSpec spec = requireKnown(job, declared, key);
        ParamCheck check = spec != null ? spec.check(value)
                : ParamType.declaredBy(value).map(type -> type.accept(value)).orElseGet(() ->
                        ParamCheck.refused("must be a number, string or boolean, got " + Quoting.typed(value)));
        if (!check.isAccepted()) {
            throw refused(job, key, check.problem());
        }
        return check.value();
    }

    /** The key's declaration, or null for an undeclared key the job takes; refuses anything else. */
    private static ParamSpec requireKnown(JobDefinition job, Map<String, ParamSpec> declared, String key) {
        if (!ParamKeys.isValid(key)) {
            throw new InvalidParamsException("Job " + job.name() + ": " + ParamKeys.invalid(key));
        }
        ParamSpec spec = declared.get(key);
        if (spec == null && !takesUndeclared(job)) {
            throw refused(job, key, "is not declared " + known(declared, key) + "; " + (job.command().isEmpty()
                    ? "declare it under \"params\", or set \"additionalParams\": true, in the catalog"
                    : "a job with a command takes only the params it declares"));
        }
        return spec;
    }

    /** How an undeclared value typed as text is read: true/false, a number, or a string. */
    private static ParamType undeclaredType(String text) {
        String trimmed = text.strip();
        if (trimmed.equalsIgnoreCase("true") || trimmed.equalsIgnoreCase("false")) {
            return ParamType.BOOLEAN;
        }
        return ParamNumbers.isDecimal(trimmed) || ParamNumbers.looksNonFinite(trimmed) ? ParamType.NUMBER
                : ParamType.STRING;
    }

    private static String known(Map<String, ParamSpec> declared, String key) {
        if (declared.isEmpty()) {
            return "(the job declares no params)";
        }
        String closest = null;
        int best = Integer.MAX_VALUE;
        for (String name : declared.keySet()) {
            int distance = Suggestions.editDistance(key.toLowerCase(), name.toLowerCase());
            if (distance < best) {
                best = distance;
                closest = name;
            }
        }
        return best <= Math.max(1, key.length() / 4) ? "(did you mean " + closest + "?)"
                : "(declared: " + String.join(", ", declared.keySet()) + ")";
    }

    private static InvalidParamsException refused(JobDefinition job, String key, String problem) {
        return new InvalidParamsException("Job " + job.name() + ": param " + Quoting.key(key) + " " + problem);
    }
}
