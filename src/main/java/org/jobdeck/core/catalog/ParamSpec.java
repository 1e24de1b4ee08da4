package org.jobdeck.core.catalog;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One declared param of a job, as the catalog's {@code "params"} declares it:
 * {@code {"type": "integer", "description": "…", "required": false, "default": 100, "enum": […],
 * "min": 1, "max": 1000}}. Only the type is required.
 *
 * <p>A spec checks values in one order, so that a message names the first thing wrong: the type
 * (and finiteness), then the enum, then min and max (both inclusive).
 *
 * @param defaultValue null when the declaration gives none (defaultParams may still give one)
 * @param choices      the enum: the only values allowed, or empty for any value of the type
 * @param min          null for no lower bound; only for integer and number params
 * @param max          null for no upper bound; only for integer and number params
 */
public record ParamSpec(ParamType type, String description, boolean required, Object defaultValue,
                        List<Object> choices, Number min, Number max) {
    public ParamSpec {
        Objects.requireNonNull(type, "type");
        description = description == null ? "" : description;
        choices = List.copyOf(choices == null ? List.of() : choices);
    }

    /** A param of this type, with nothing else declared. */
    public static ParamSpec of(ParamType type) {
        return new ParamSpec(type, "", false, null, List.of(), null, null);
    }

    public ParamSpec withDescription(String text) {
        return new ParamSpec(type, text, required, defaultValue, choices, min, max);
    }

    /** A value given as JSON or as a Java object: the value to store, or the first thing wrong. */
    public ParamCheck check(Object value) {
        ParamCheck typed = type.accept(value);
        return typed.isAccepted() ? constrain(typed.value()) : typed;
    }

    /** A value typed as text (CLI, console): the value to store, or the first thing wrong. */
    public ParamCheck read(String text) {
        ParamCheck typed = type.read(text);
        return typed.isAccepted() ? constrain(typed.value()) : typed;
    }

    /** The enum, then the bounds, on a value already of the right type. */
    ParamCheck constrain(Object value) {
        if (!choices.isEmpty() && choices.stream().noneMatch(choice -> same(choice, value))) {
            return ParamCheck.refused("must be one of " + listChoices() + ", got " + Quoting.plain(value));
        }
        return bounded(value);
    }

    /** Only the bounds: what an enum value of the declaration itself must meet. */
    ParamCheck bounded(Object value) {
        if (value instanceof Number number) {
            BigDecimal exact = ParamNumbers.exact(number);
            if (min != null && ParamNumbers.exact(min) != null && exact.compareTo(ParamNumbers.exact(min)) < 0) {
                return ParamCheck.refused("must be at least " + ParamNumbers.format(min) + ", got "
                        + ParamNumbers.format(number));
            }
            if (max != null && ParamNumbers.exact(max) != null && exact.compareTo(ParamNumbers.exact(max)) > 0) {
                return ParamCheck.refused("must be at most " + ParamNumbers.format(max) + ", got "
                        + ParamNumbers.format(number));
            }
        }
        return ParamCheck.accepted(value);
    }

    /** Equal as param values: 500 and 500L and 500.0 are the same number. */
    static boolean same(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            BigDecimal ex = ParamNumbers.exact(x);
            BigDecimal ey = ParamNumbers.exact(y);
            return ex != null && ey != null && ex.compareTo(ey) == 0;
        }
        return Objects.equals(a, b);
    }

    /**
     * What an operator needs to fill it in, in a few words: "integer ≥ 1", "number 0 … 1",
     * "string: fast | slow", "boolean, required".
     */
    public String summary() {
        StringBuilder text = new StringBuilder(type.wireName());
        if (!choices.isEmpty()) {
            text.append(": ").append(choices.stream().map(String::valueOf).collect(Collectors.joining(" | ")));
        } else if (min != null && max != null) {
            text.append(' ').append(ParamNumbers.format(min)).append(" … ").append(ParamNumbers.format(max));
        } else if (min != null) {
            text.append(" ≥ ").append(ParamNumbers.format(min));
        } else if (max != null) {
            text.append(" ≤ ").append(ParamNumbers.format(max));
        }
        return required ? text.append(", required").toString() : text.toString();
    }

    private String listChoices() {
        List<String> shown = new ArrayList<>(choices.size());
        choices.forEach(choice -> shown.add(Quoting.plain(choice)));
        return String.join(", ", shown);
    }
}
