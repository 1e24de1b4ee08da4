package org.jobdeck.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jobdeck.core.catalog.CatalogProblem;
import org.jobdeck.core.catalog.InvalidCatalogException;
import org.jobdeck.core.catalog.JobCatalog;
import org.jobdeck.core.catalog.JobDefinition;
import org.jobdeck.core.catalog.JobGroup;
import org.jobdeck.core.catalog.ParamSpec;
import org.jobdeck.core.catalog.ParamType;

/**
 * The catalog as {@code GET /api/admin/jobs} returns it: jobs and groups, in the catalog format,
 * so a client can rebuild the very catalog the server runs ({@link #toCatalog()}), with its param
 * declarations, to check params before it sends them.
 *
 * <p>The seed's six job fields come first and always; the others appear only when a job has them,
 * so a catalog without them answers exactly as before.
 */
public record CatalogView(List<Job> jobs, List<Group> groups) {
    public CatalogView {
        jobs = List.copyOf(jobs);
        groups = List.copyOf(groups);
    }

    public record Job(String name, String description, String group, List<String> dependencies,
                      Map<String, Object> defaultParams, List<String> examples,
                      @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Param> params,
                      @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean additionalParams,
                      @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> command,
                      @JsonInclude(JsonInclude.Include.NON_NULL) Integer maxAttempts,
                      @JsonInclude(JsonInclude.Include.NON_NULL) Integer retryDelaySeconds,
                      @JsonInclude(JsonInclude.Include.NON_NULL) Integer timeoutSeconds) {
        public Job {
            params = params == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(params));
            command = command == null ? List.of() : List.copyOf(command);
        }

        /** A job with the seed's fields only. */
        public Job(String name, String description, String group, List<String> dependencies,
                   Map<String, Object> defaultParams, List<String> examples) {
            this(name, description, group, dependencies, defaultParams, examples, Map.of(), false, List.of(),
                    null, null, null);
        }

        static Job of(JobDefinition job) {
            Map<String, Param> params = new LinkedHashMap<>();
            job.params().forEach((key, spec) -> params.put(key, Param.of(spec)));
            return new Job(job.name(), job.description(), job.group(), job.dependencies(), job.defaultParams(),
                    job.examples(), params, job.additionalParams(), job.command(), job.maxAttempts(),
                    job.retryDelaySeconds(), job.timeoutSeconds());
        }

        /** @throws InvalidCatalogException for a param type this version does not know */
        public JobDefinition toDefinition() {
            Map<String, ParamSpec> specs = new LinkedHashMap<>();
            params.forEach((key, param) -> specs.put(key, param.toSpec(name, key)));
            return new JobDefinition(name, description, group, dependencies, defaultParams, examples, command,
                    maxAttempts, retryDelaySeconds, timeoutSeconds, specs, additionalParams);
        }
    }

    /** One declared param, as the catalog format writes it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Param(String type,
                        @JsonInclude(JsonInclude.Include.NON_EMPTY) String description,
                        @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean required,
                        @JsonProperty("default") Object defaultValue,
                        @JsonProperty("enum") @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Object> choices,
                        Number min, Number max) {
        static Param of(ParamSpec spec) {
            return new Param(spec.type().wireName(), spec.description(), spec.required(), spec.defaultValue(),
                    spec.choices(), spec.min(), spec.max());
        }

        ParamSpec toSpec(String job, String key) {
            ParamType known = ParamType.named(type).orElseThrow(() -> new InvalidCatalogException(List.of(
                    CatalogProblem.of("Job " + job + ": params." + key + ": unknown type '" + type + "'"))));
            return new ParamSpec(known, description, required, defaultValue, choices, min, max);
        }
    }

    public record Group(String name, String title, String purpose) {
    }

    public static CatalogView of(JobCatalog catalog) {
        return new CatalogView(
                catalog.jobs().stream().map(Job::of).toList(),
                catalog.groups().stream().map(g -> new Group(g.name(), g.title(), g.purpose())).toList());
    }

    /** Rebuilds the catalog (validated), e.g. in a client that resolves plans locally. */
    public JobCatalog toCatalog() {
        return JobCatalog.of(groups.stream().map(g -> new JobGroup(g.name(), g.title(), g.purpose())).toList(),
                jobs.stream().map(Job::toDefinition).toList());
    }
}
