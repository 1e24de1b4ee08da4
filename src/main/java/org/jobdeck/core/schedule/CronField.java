package org.jobdeck.core.schedule;

import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The six fields a cron expression may have, each with its range and its grammar (Vixie cron's,
 * with cronie's two additions: names in ranges, and {@code N/STEP} meaning {@code N-max/STEP}).
 *
 * <pre>
 * field := item (',' item)*
 * item  := ('*' | value | value '-' value) ['/' step]
 * value := a number, or for month and day-of-week an English three-letter name (any case)
 * </pre>
 *
 * Day-of-week takes 0-7 with both 0 and 7 meaning Sunday, as Vixie cron does. A parse error
 * names the field and what is wrong with it; the expression's text is added by the caller.
 */
enum CronField {
    SECOND("second", 0, 59, List.of()),
    MINUTE("minute", 0, 59, List.of()),
    HOUR("hour", 0, 23, List.of()),
    DAY_OF_MONTH("day-of-month", 1, 31, List.of()),
    MONTH("month", 1, 12, List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep",
            "oct", "nov", "dec")),
    DAY_OF_WEEK("day-of-week", 0, 7, List.of("sun", "mon", "tue", "wed", "thu", "fri", "sat"));

    /** Quartz's L (last), W (weekday), # (nth) and ? (no value), which Unix cron lacks. */
    private static final Pattern QUARTZ =
            Pattern.compile("[#?]|(^|[,/-])\\d*(L|W|LW)($|[,/-])", Pattern.CASE_INSENSITIVE);

    private final String label;
    private final int min;
    private final int max;
    /** Names in value order: names.get(i) is the value min + i. */
    private final List<String> names;

    CronField(String label, int min, int max, List<String> names) {
        this.label = label;
        this.min = min;
        this.max = max;
        this.names = names;
    }

    /** The field's name as errors and descriptions say it: "day-of-month". */
    String label() {
        return label;
    }

    /** How many values the field can select: 7 days of the week, 7 being Sunday again. */
    int size() {
        return this == DAY_OF_WEEK ? 7 : max - min + 1;
    }

    /**
     * The values the field selects. Day-of-week's 7 is folded into 0, so the set is 0-6.
     *
     * @throws IllegalArgumentException with a message naming this field and the problem
     */
    BitSet parse(String text) {
        if (QUARTZ.matcher(text).find()) {
            throw problem("\"" + text + "\": L, W, # and ? are Quartz syntax, not Unix cron");
        }
        BitSet values = new BitSet(max + 1);
        for (String item : text.split(",", -1)) {
            if (item.isEmpty()) {
                throw problem("\"" + text + "\" has an empty item");
            }
            parseItem(item, values);
        }
        if (this == DAY_OF_WEEK && values.get(7)) {
            values.clear(7);
            values.set(0);
        }
        return values;
    }

    private void parseItem(String item, BitSet values) {
        String[] stepParts = item.split("/", -1);
        if (stepParts.length > 2) {
            throw problem("\"" + item + "\" is not valid: write *, N or N-M, each with an optional /STEP");
        }
        int step = 1;
        if (stepParts.length == 2) {
            step = number(stepParts[1], "step in \"" + item + "\"");
            if (step < 1) {
                throw problem("step in \"" + item + "\" must be at least 1");
            }
        }
        String base = stepParts[0];
        int from;
        int to;
        if (base.equals("*")) {
            from = min;
            to = max;
        } else {
            int dash = base.indexOf('-', 1);
            from = value(dash < 0 ? base : base.substring(0, dash));
            // "5/15" is cronie's "5-max/15"; a bare "5" selects 5 alone.
            to = dash >= 0 ? value(base.substring(dash + 1)) : stepParts.length == 2 ? max : from;
            if (from > to) {
                throw problem("range " + base + " runs backwards; write it as two ranges: "
                        + from + "-" + max + "," + min + "-" + to);
            }
        }
        for (int v = from; v <= to; v += step) {
            values.set(v);
        }
    }

    private int value(String token) {
        int index = names.indexOf(token.toLowerCase(Locale.ROOT));
        if (index >= 0) {
            return min + index;
        }
        int v = number(token, null);
        if (v < min || v > max) {
            throw problem(token + " is out of range " + min + "-" + max);
        }
        return v;
    }

    /** A whole number; {@code what} names it in the error (null: the field's value). */
    private int number(String token, String what) {
        boolean digits = !token.isEmpty() && token.chars().allMatch(c -> c >= '0' && c <= '9');
        if (digits && token.length() > 9) {
            throw problem((what == null ? token : what) + " is out of range " + min + "-" + max);
        }
        if (!digits) {
            if (what != null) {
                throw problem(what + " is not a number");
            }
            throw problem("\"" + token + "\" is not " + (names.isEmpty()
                    ? "a number from " + min + " to " + max
                    : "a " + label.replace("day-of-", "day of the ") + ": use " + min + "-" + max
                            + " or " + names.get(0) + "-" + names.get(names.size() - 1)));
        }
        return Integer.parseInt(token);
    }

    private IllegalArgumentException problem(String detail) {
        return new IllegalArgumentException(label + " " + detail);
    }
}
