package org.jobdeck.core.schedule;

import java.time.LocalDateTime;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A cron expression, parsed and checked: when a schedule fires, in wall-clock time.
 *
 * <p>Three forms are accepted:
 * <ul>
 *   <li>5 fields, the Unix form: {@code minute hour day-of-month month day-of-week};</li>
 *   <li>6 fields whose first is seconds: {@code second minute hour day-of-month month day-of-week},
 *       for sub-minute schedules and tests;</li>
 *   <li>Vixie cron's macros: {@code @yearly} (= {@code @annually}, {@code 0 0 1 1 *}),
 *       {@code @monthly} ({@code 0 0 1 * *}), {@code @weekly} ({@code 0 0 * * 0}), {@code @daily}
 *       (= {@code @midnight}, {@code 0 0 * * *}) and {@code @hourly} ({@code 0 * * * *}).</li>
 * </ul>
 * Each field is a list of {@code *}, {@code N} or {@code N-M}, each with an optional
 * {@code /STEP}; months and days of the week may be named ({@code jan}, {@code mon}); 0 and 7 are
 * both Sunday. Day-of-month with day-of-week follows Vixie cron (see {@link CronMatcher}).
 * An expression that can never fire (30 February) is refused.
 *
 * <p>Jobdeck parses the grammar itself, so that every error names its field in one line, and so
 * that the day rule is Vixie's (cron-utils 9.2.1 treats day fields with a {@code *} step
 * differently). cron-utils writes the {@link #description()}.
 *
 * <p>Two expressions are equal when their texts are: {@code @daily} and {@code 0 0 * * *} fire
 * alike but are different texts, and the text is what a schedule stores and exports.
 */
public final class CronExpression {
    private static final Map<String, String> MACROS = Map.of(
            "@yearly", "0 0 1 1 *", "@annually", "0 0 1 1 *", "@monthly", "0 0 1 * *",
            "@weekly", "0 0 * * 0", "@daily", "0 0 * * *", "@midnight", "0 0 * * *",
            "@hourly", "0 * * * *");
    static final List<CronField> UNIX = List.of(CronField.MINUTE, CronField.HOUR,
            CronField.DAY_OF_MONTH, CronField.MONTH, CronField.DAY_OF_WEEK);
    static final List<CronField> WITH_SECONDS = List.of(CronField.SECOND, CronField.MINUTE,
            CronField.HOUR, CronField.DAY_OF_MONTH, CronField.MONTH, CronField.DAY_OF_WEEK);

    private final String text;
    private final boolean withSeconds;
    private final CronMatcher matcher;
    private final String description;

    private CronExpression(String text, boolean withSeconds, CronMatcher matcher, String description) {
        this.text = text;
        this.withSeconds = withSeconds;
        this.matcher = matcher;
        this.description = description;
    }

    /**
     * @throws ScheduleException (field {@link ScheduleField#CRON}) with one line such as
     *         {@code Invalid cron "0 25 * * *": hour 25 is out of range 0-23}
     */
    public static CronExpression parse(String input) {
        String text = input == null ? "" : input.trim().replaceAll("\\s+", " ");
        if (text.isEmpty()) {
            throw invalid(text, "it is empty; write 5 fields (minute hour day-of-month month"
                    + " day-of-week), 6 with a second first, or a macro such as @daily");
        }
        String fields = text;
        if (text.startsWith("@")) {
            fields = MACROS.get(text.toLowerCase(Locale.ROOT));
            if (fields == null) {
                throw invalid(text, text.contains(" ") ? "a macro such as @daily stands alone"
                        : "unknown macro " + text + "; use @yearly, @annually, @monthly, @weekly,"
                                + " @daily, @midnight or @hourly");
            }
        }
        String[] parts = fields.split(" ");
        if (parts.length != 5 && parts.length != 6) {
            throw invalid(text, "it has " + parts.length + " field" + (parts.length == 1 ? "" : "s")
                    + "; write 5 (minute hour day-of-month month day-of-week) or 6 (a second first)");
        }
        List<CronField> layout = parts.length == 6 ? WITH_SECONDS : UNIX;
        BitSet[] values = new BitSet[6];
        values[0] = new BitSet(60);
        values[0].set(0);
        int offset = 6 - parts.length;
        for (int i = 0; i < parts.length; i++) {
            try {
                values[i + offset] = layout.get(i).parse(parts[i]);
            } catch (IllegalArgumentException e) {
                throw invalid(text, e.getMessage());
            }
        }
        String dom = parts[parts.length - 3];
        String dow = parts[parts.length - 1];
        CronMatcher matcher = new CronMatcher(values[0], values[1], values[2], values[3], values[4],
                values[5], dom.startsWith("*"), dow.startsWith("*"));
        if (!matcher.everFires()) {
            throw invalid(text, "it never fires: " + neverReason(matcher, values[4], dom));
        }
        BitSet[] sets = Arrays.copyOfRange(values, offset, 6);
        String description = CronWords.describe(parts, sets, matcher);
        return new CronExpression(text, parts.length == 6, matcher, description);
    }

    private static String neverReason(CronMatcher matcher, BitSet months, String dom) {
        if (matcher.firstPossibleDayOfMonth() < 0) {
            StringBuilder names = new StringBuilder();
            for (int m = months.nextSetBit(1); m >= 0; m = months.nextSetBit(m + 1)) {
                names.append(names.length() == 0 ? "" : ", ")
                        .append(Month.of(m).getDisplayName(TextStyle.FULL, Locale.ENGLISH));
            }
            return "day-of-month " + dom + " never occurs in " + names;
        }
        return "its day-of-month and day-of-week never fall on the same day";
    }

    private static ScheduleException invalid(String text, String detail) {
        return new ScheduleException(ScheduleField.CRON, "Invalid cron \"" + text + "\": " + detail);
    }

    /** The expression as written (trimmed, runs of blanks made one space). */
    public String text() {
        return text;
    }

    /** Whether the first field is seconds (6 fields), so slots can fall within a minute. */
    public boolean hasSeconds() {
        return withSeconds;
    }

    /** In English words, for example "at 03:00" or "every 15 minutes". */
    public String description() {
        return description;
    }

    /** Whether a wall-clock time is one of the expression's slots (whole seconds only). */
    public boolean matches(LocalDateTime time) {
        return matcher.matches(time);
    }

    CronMatcher matcher() {
        return matcher;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CronExpression cron && cron.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
