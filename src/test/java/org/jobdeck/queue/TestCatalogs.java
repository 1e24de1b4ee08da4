package org.jobdeck.queue;

import java.util.List;
import java.util.Map;
import org.jobdeck.core.catalog.JobCatalog;
import org.jobdeck.core.catalog.JobDefinition;
import org.jobdeck.core.catalog.ParamSpec;
import org.jobdeck.core.catalog.ParamType;

/** Small catalogs for queue tests. */
public final class TestCatalogs {
    private TestCatalogs() {
    }

    /**
     * A diamond plus a loner: {@code a}; {@code b} and {@code c} need a; {@code d} needs b and c;
     * {@code e} stands alone. a has typed default params, and declares a userId without a default.
     */
    public static JobCatalog diamond() {
        return JobCatalog.of(null, List.of(
                job("a", "g1", List.of(), Map.of("batchSize", 10, "dryRun", false, "label", "x"))
                        .withParams(Map.of("userId", ParamSpec.of(ParamType.INTEGER)), false),
                job("b", "g1", List.of("a"), Map.of()),
                job("c", "g2", List.of("a"), Map.of()),
                job("d", "g2", List.of("b", "c"), Map.of()),
                job("e", "g3", List.of(), Map.of())));
    }

    public static JobDefinition job(String name, String group, List<String> dependencies,
                                    Map<String, Object> params) {
        return new JobDefinition(name, "job " + name, group, dependencies, params, List.of(),
                List.of(), 3, 0, null);
    }
}
