package org.jobdeck.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jobdeck.core.catalog.JobCatalog;
import org.jobdeck.core.catalog.JobDefinition;
import org.jobdeck.core.catalog.JobParams;
import picocli.CommandLine;

/**
 * One {@code --param JOB.KEY=VALUE}: split at the first '.' and the first '=', so a key may hold
 * a '.' (the key rule allows one) and a value anything, while a job whose name holds a '.' cannot
 * be named here (it takes params over REST or in the console).
 */
record ParamOverride(String job, String key, String value) {

    /** Parses the text, or fails as a usage error that names it. */
    static final class Converter implements CommandLine.ITypeConverter<ParamOverride> {
        @Override
        public ParamOverride convert(String text) {
            int dot = text.indexOf('.');
            int equals = text.indexOf('=');
            if (dot <= 0 || equals < 0 || equals <= dot + 1) {
                throw new CommandLine.TypeConversionException(
                        "'" + text + "' is not JOB.KEY=VALUE (e.g. match-scores.batchSize=50)");
            }
            return new ParamOverride(text.substring(0, dot), text.substring(dot + 1, equals),
                    text.substring(equals + 1));
        }
    }

    /**
     * The overrides per job, each value typed as the job declares the key. Keys are checked here,
     * before any database is opened: the key rule, and declared keys only (unless the job takes
     * additional params).
     *
     * @throws org.jobdeck.core.catalog.UnknownJobException for a job the catalog lacks
     * @throws org.jobdeck.core.catalog.InvalidParamsException for a key the job does not take, or a
     *         value that does not fit its declaration (wrong type, not finite, outside enum or bounds)
     */
    static Map<String, Map<String, Object>> typed(List<ParamOverride> overrides, JobCatalog catalog) {
        Map<String, Map<String, Object>> perJob = new LinkedHashMap<>();
        for (ParamOverride override : overrides) {
            JobDefinition job = catalog.job(catalog.requireIndex(override.job()));
            perJob.computeIfAbsent(job.name(), name -> new LinkedHashMap<>())
                    .put(override.key(), JobParams.parse(job, override.key(), override.value()));
        }
        return perJob;
    }
}
