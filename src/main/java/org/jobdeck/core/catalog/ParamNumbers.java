package org.jobdeck.core.catalog;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.regex.Pattern;

/**
 * Numbers of params: read exactly, checked to be finite, and whole numbers kept within a long.
 *
 * <p>Everything goes through {@link BigDecimal} so that nothing is rounded before it is checked:
 * {@code 1e999999999} is a huge number (JSON readers turn it into Infinity), and
 * {@code 9223372036854775808} is one more than a long holds. No check here builds a number with as
 * many digits as an exponent says, so a hostile exponent costs nothing.
 */
final class ParamNumbers {
    /** A decimal number as typed: JSON's grammar, plus a leading '+' and a bare leading '.'. */
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
    /** Words Java and JavaScript read as non-finite numbers. */
    private static final Pattern NON_FINITE = Pattern.compile("[+-]?(inf|infinity|nan)", Pattern.CASE_INSENSITIVE);
    /** Digits before the point of Long.MAX_VALUE: a number with more cannot be a long. */
    private static final int LONG_DIGITS = 19;
    /** Longer numbers are shown rounded, in scientific notation. */
    private static final int MAX_DIGITS_SHOWN = 30;

    private ParamNumbers() {
    }

    static boolean looksNonFinite(String text) {
        return NON_FINITE.matcher(text).matches();
    }

    /** True when the text spells a decimal number: 12, -0.5, 1e3, +.5. */
    static boolean isDecimal(String text) {
        return DECIMAL.matcher(text).matches();
    }

    /**
     * The number the text spells, or null when it is not a decimal number or its exponent does not
     * fit in an int (a number no type can hold either way).
     */
    static BigDecimal parse(String text) {
        if (!isDecimal(text)) {
            return null;
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException exponentTooLarge) {
            return null;
        }
    }

    /** The exact value of any number, or null for a non-finite double or float. */
    static BigDecimal exact(Number number) {
        if (number instanceof BigDecimal d) {
            return d;
        }
        if (number instanceof BigInteger i) {
            return new BigDecimal(i);
        }
        if (number instanceof Double || number instanceof Float) {
            double d = number.doubleValue();
            return Double.isFinite(d) ? new BigDecimal(d) : null;
        }
        if (number instanceof Long || number instanceof Integer || number instanceof Short || number instanceof Byte) {
            return BigDecimal.valueOf(number.longValue());
        }
        return parse(number.toString()); // another Number type: trust its text, never its doubleValue
    }

    static boolean isWhole(BigDecimal value) {
        if (value.signum() == 0 || value.scale() <= 0) {
            return true;
        }
        // A nonzero number with at least as many decimals as digits lies strictly between -1 and 1.
        if (value.scale() >= value.precision()) {
            return false;
        }
        try {
            value.setScale(0, RoundingMode.UNNECESSARY);
            return true;
        } catch (ArithmeticException fraction) {
            return false;
        }
    }

    /** The whole number as a Long, or null when it does not fit (call only when {@link #isWhole}). */
    static Long toLong(BigDecimal whole) {
        if (whole.signum() != 0 && whole.precision() - whole.scale() > LONG_DIGITS) {
            return null;
        }
        try {
            return whole.longValueExact();
        } catch (ArithmeticException overflow) {
            return null;
        }
    }

    /** The double nearest the value; infinite when the value is beyond a double's range. */
    static double toDouble(BigDecimal value) {
        return value.doubleValue();
    }

    /**
     * A bound or value as an operator wrote it, short enough for one line: 1, 0.5, 1.0E30, and
     * 1.00000E+399 for a number given with 400 digits.
     */
    static String format(Number number) {
        BigDecimal exact = exact(number);
        if (exact == null) {
            return String.valueOf(number); // Infinity, NaN
        }
        if (number instanceof Double || number instanceof Float) {
            return isWhole(exact) && exact.abs().compareTo(BigDecimal.valueOf(1_000_000_000_000_000L)) < 0
                    ? exact.toBigInteger().toString() : number.toString();
        }
        String text = number.toString();
        return text.length() <= MAX_DIGITS_SHOWN ? text : exact.round(new MathContext(6)).toString();
    }
}
