package org.jobdeck.core.catalog;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks what a job declares about its params, however the job was built (read from a file, sent
 * by a server, or made in code): valid keys, defaults of the declared type within the declared
 * range, sensible enums and bounds, {@code defaultParams} that agree with {@code params}, and no
 * {@code additionalParams} on a command job.
 */
final class ParamDeclarations {
    private ParamDeclarations() {
    }

    static void check(JobDefinition job, List<CatalogProblem> problems) {
        String label = "Job " + job.name();
        job.params().forEach((key, spec) -> {
            String where = label + ": params." + Quoting.escaped(key);
            if (!ParamKeys.isValid(key)) {
                problems.add(CatalogProblem.of(label + ": params: " + ParamKeys.invalid(key)));
            }
            declaration(where, spec, problems);
        });
        job.defaultParams().forEach((key, value) -> {
            String where = label + ": defaultParams." + Quoting.escaped(key);
            if (!ParamKeys.isValid(key)) {
                problems.add(CatalogProblem.of(label + ": defaultParams: " + ParamKeys.invalid(key)));
            }
            defaultValue(where, job.params().get(key), value, "params." + Quoting.escaped(key), problems);
        });
        if (job.additionalParams() && !job.command().isEmpty()) {
            problems.add(CatalogProblem.of(label + ": \"additionalParams\": true is not allowed on a job with a"
                    + " command, whose params become its program's arguments; declare each param instead"));
        }
    }

    private static void declaration(String where, ParamSpec spec, List<CatalogProblem> problems) {
        boolean numeric = spec.type() == ParamType.INTEGER || spec.type() == ParamType.NUMBER;
        Number min = bound(where, "min", spec.min(), spec, numeric, problems);
        Number max = bound(where, "max", spec.max(), spec, numeric, problems);
        if (min != null && max != null
                && ParamNumbers.exact(min).compareTo(ParamNumbers.exact(max)) > 0) {
            problems.add(CatalogProblem.of(where + ": min " + ParamNumbers.format(min)
                    + " is greater than max " + ParamNumbers.format(max)));
        }
        List<Object> seen = new ArrayList<>();
        for (Object choice : spec.choices()) {
            ParamCheck typed = spec.type().accept(choice);
            ParamCheck check = typed.isAccepted() ? spec.bounded(typed.value()) : typed;
            if (!check.isAccepted()) {
                problems.add(CatalogProblem.of(where + ": enum value " + check.problem()));
            } else if (seen.stream().anyMatch(other -> ParamSpec.same(other, check.value()))) {
                problems.add(CatalogProblem.of(where + ": enum lists " + Quoting.plain(choice) + " twice"));
            } else {
                seen.add(check.value());
            }
        }
        if (spec.defaultValue() != null) {
            ParamCheck check = spec.check(spec.defaultValue());
            if (!check.isAccepted()) {
                problems.add(CatalogProblem.of(where + ": default " + check.problem()));
            }
        }
    }

    /** The bound when it is usable for comparison, else null (and reported). */
    private static Number bound(String where, String field, Number bound, ParamSpec spec, boolean numeric,
                                List<CatalogProblem> problems) {
        if (bound == null) {
            return null;
        }
        if (!numeric) {
            problems.add(CatalogProblem.of(where + ": " + field + " applies only to integer and number params, not "
                    + spec.type()));
            return null;
        }
        ParamCheck check = spec.type().accept(bound);
        if (!check.isAccepted()) {
            problems.add(CatalogProblem.of(where + ": " + field + " " + check.problem()));
            return null;
        }
        return bound;
    }

    /**
     * A defaultParams value: of its declaration's type and range when declared (and equal to the
     * declaration's own default, if any), else finite and of one of the three kinds.
     */
    private static void defaultValue(String where, ParamSpec spec, Object value, String declaredAt,
                                     List<CatalogProblem> problems) {
        if (spec == null) {
            ParamCheck check = ParamType.declaredBy(value).map(type -> type.accept(value)).orElseGet(() ->
                    ParamCheck.refused("must be a number, string or boolean, got " + Quoting.typed(value)));
            if (!check.isAccepted()) {
                problems.add(CatalogProblem.of(where + " " + check.problem()));
            }
            return;
        }
        ParamCheck check = spec.check(value);
        if (!check.isAccepted()) {
            problems.add(CatalogProblem.of(where + " " + check.problem() + " (as " + declaredAt + " declares)"));
        } else if (spec.defaultValue() != null && !ParamSpec.same(spec.defaultValue(), value)) {
            problems.add(CatalogProblem.of(where + " is " + Quoting.plain(value) + " but " + declaredAt
                    + " has default " + Quoting.plain(spec.defaultValue()) + "; give the default once"));
        }
    }
}
