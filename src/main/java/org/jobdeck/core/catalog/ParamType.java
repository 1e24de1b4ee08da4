package org.jobdeck.core.catalog;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The four types a param may declare, each knowing which values it accepts: as a JSON value
 * ({@link #accept}, REST and the catalog) and as text ({@link #read}, the CLI and the console).
 *
 * <p>Numbers are finite everywhere. An integer is a whole number that fits in a long and is
 * stored as a Long ({@code 5.0} and {@code 5e0} are 5). A number keeps a whole value that fits in a
 * long as a Long, as before, and any other finite value as a Double. A type's refusal of a value
 * that is not a number at all says "must be a number" for integers too: the first thing wrong.
 */
public enum ParamType {
    STRING("string"), INTEGER("integer"), NUMBER("number"), BOOLEAN("boolean");

    private final String wireName;

    ParamType(String wireName) {
        this.wireName = wireName;
    }

    /** The name in the catalog format: string, integer, number or boolean. */
    public String wireName() {
        return wireName;
    }

    public static Optional<ParamType> named(String name) {
        return Arrays.stream(values()).filter(type -> type.wireName.equals(name)).findFirst();
    }

    /** "string, integer, number or boolean", for messages that list the choice. */
    static String choices() {
        String all = Arrays.stream(values()).map(ParamType::wireName).collect(Collectors.joining(", "));
        return all.substring(0, all.lastIndexOf(", ")) + " or " + all.substring(all.lastIndexOf(", ") + 2);
    }

    /**
     * The type a {@code defaultParams} value declares for a key the job does not declare under
     * {@code params}: a number declares "number" (any finite number, as before params existed), a
     * string "string", a boolean "boolean"; empty for anything else.
     */
    static Optional<ParamType> declaredBy(Object defaultValue) {
        if (defaultValue instanceof Number) {
            return Optional.of(NUMBER);
        }
        if (defaultValue instanceof String) {
            return Optional.of(STRING);
        }
        return defaultValue instanceof Boolean ? Optional.of(BOOLEAN) : Optional.empty();
    }

    /** A value given as JSON (or as a Java object): the value to store, or why not. */
    public ParamCheck accept(Object value) {
        return switch (this) {
            case STRING -> value instanceof String ? ParamCheck.accepted(value) : wrong("a string", value);
            case BOOLEAN -> value instanceof Boolean ? ParamCheck.accepted(value) : wrong("a boolean", value);
            case INTEGER, NUMBER -> {
                if (!(value instanceof Number number)) {
                    yield wrong("a number", value);
                }
                BigDecimal exact = ParamNumbers.exact(number);
                yield exact == null ? ParamCheck.refused("must be a finite number, got " + number)
                        : number(exact, ParamNumbers.format(number), number,
                        !(number instanceof Double || number instanceof Float || number instanceof BigDecimal));
            }
        };
    }

    /** A value typed as text: the value to store, or why not. A string is taken as typed, spaces and all. */
    public ParamCheck read(String text) {
        String trimmed = text.strip();
        return switch (this) {
            case STRING -> ParamCheck.accepted(text);
            case BOOLEAN -> trimmed.equalsIgnoreCase("true") || trimmed.equalsIgnoreCase("false")
                    ? ParamCheck.accepted(Boolean.parseBoolean(trimmed))
                    : ParamCheck.refused("must be a boolean (true or false), got " + Quoting.text(text));
            case INTEGER, NUMBER -> {
                String shown = Quoting.text(text);
                if (ParamNumbers.looksNonFinite(trimmed)) {
                    yield ParamCheck.refused("must be a finite number, got " + shown);
                }
                if (!ParamNumbers.isDecimal(trimmed)) {
                    yield ParamCheck.refused("must be a number, got " + shown);
                }
                BigDecimal exact = ParamNumbers.parse(trimmed);
                yield exact == null ? ParamCheck.refused(tooLarge() + shown)
                        : number(exact, shown, null, trimmed.matches("[+-]?\\d+"));
            }
        };
    }

    /**
     * @param shown    the value as a message shows it
     * @param original the number as given, or null for text
     * @param integral written as a whole number (12, not 12.0 or 1e3): a number type keeps it whole
     */
    private ParamCheck number(BigDecimal exact, String shown, Number original, boolean integral) {
        boolean whole = ParamNumbers.isWhole(exact);
        Long asLong = whole ? ParamNumbers.toLong(exact) : null;
        boolean keep = original instanceof Integer || original instanceof Long;
        if (this == INTEGER) {
            if (!whole) {
                return ParamCheck.refused("must be a whole number, got " + shown);
            }
            return asLong == null ? ParamCheck.refused(tooLarge() + shown)
                    : ParamCheck.accepted(keep ? original : asLong);
        }
        if (keep) {
            return ParamCheck.accepted(original);
        }
        if (integral && asLong != null) {
            return ParamCheck.accepted(asLong);
        }
        double d = ParamNumbers.toDouble(exact);
        if (!Double.isFinite(d)) {
            return ParamCheck.refused(tooLarge() + shown);
        }
        return ParamCheck.accepted(original instanceof Double ? original : (Object) d);
    }

    private String tooLarge() {
        return this == INTEGER ? "must be a whole number that fits in 64 bits, got " : "must be a finite number, got ";
    }

    private static ParamCheck wrong(String expected, Object value) {
        return ParamCheck.refused("must be " + expected + ", got " + Quoting.typed(value));
    }

    @Override
    public String toString() {
        return wireName;
    }
}
