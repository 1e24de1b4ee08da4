package org.jobdeck.core.schedule;

import com.cronutils.descriptor.CronDescriptor;
import com.cronutils.model.definition.CronDefinition;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.parser.CronParser;
import java.util.BitSet;
import java.util.Locale;

/**
 * Describes a cron expression in English with cron-utils' {@code CronDescriptor}, adding the one
 * thing its words leave out: how day-of-month and day-of-week combine.
 *
 * <p>cron-utils is given the fields with names turned into numbers and the day-of-week as the
 * plain set it selects, because 9.2.1 mis-describes a day-of-week step ("every Tuesday days" for
 * every other day), drops the range of a stepped range from its words, and refuses a step longer
 * than the field; when it still cannot read an expression, every field is given as its plain set.
 */
final class CronWords {
    private static final CronDefinition UNIX = CronDefinitionBuilder.instanceDefinitionFor(
            com.cronutils.model.CronType.UNIX);
    private static final CronDefinition WITH_SECONDS = CronDefinitionBuilder.defineCron()
            .withSeconds().withValidRange(0, 59).withStrictRange().and()
            .withMinutes().withValidRange(0, 59).withStrictRange().and()
            .withHours().withValidRange(0, 23).withStrictRange().and()
            .withDayOfMonth().withValidRange(1, 31).withStrictRange().and()
            .withMonth().withValidRange(1, 12).withStrictRange().and()
            .withDayOfWeek().withValidRange(0, 7).withMondayDoWValue(1).withIntMapping(7, 0)
            .withStrictRange().and()
            .instance();

    private CronWords() {
    }

    /**
     * @param fields the expression's 5 or 6 fields, macros expanded
     * @param sets   the sets each field selects, in the order of {@code fields}
     */
    static String describe(String[] fields, BitSet[] sets, CronMatcher matcher) {
        String[] gentle = new String[fields.length];
        String[] plain = new String[fields.length];
        for (int i = 0; i < fields.length; i++) {
            CronField field = (fields.length == 6 ? CronExpression.WITH_SECONDS : CronExpression.UNIX).get(i);
            plain[i] = sets[i].cardinality() == field.size() ? "*" : plainSet(sets[i]);
            boolean named = fields[i].chars().anyMatch(Character::isLetter);
            boolean dayOfWeek = field == CronField.DAY_OF_WEEK;
            // cron-utils drops the range of "9-17/2" and the start of "5/15" from its words.
            boolean steppedRange = fields[i].contains("/") && !fields[i].startsWith("*/");
            gentle[i] = named || dayOfWeek || steppedRange ? plain[i] : fields[i];
        }
        String words = cronUtils(gentle);
        if (words == null) {
            words = cronUtils(plain);
        }
        if (words == null) {
            words = "at the times \"" + String.join(" ", fields) + "\" selects";
        }
        return words + dayRule(fields, matcher);
    }

    private static String dayRule(String[] fields, CronMatcher matcher) {
        String dom = fields[fields.length - 3];
        String dow = fields[fields.length - 1];
        if (matcher.bothDayFieldsRestricted()) {
            return " (either the day of the month or the day of the week matches)";
        }
        if (!dom.equals("*") && !dow.equals("*")) {
            return " (both the day of the month and the day of the week must match)";
        }
        return "";
    }

    private static String cronUtils(String[] fields) {
        try {
            CronParser parser = new CronParser(fields.length == 6 ? WITH_SECONDS : UNIX);
            return CronDescriptor.instance(Locale.ENGLISH)
                    .describe(parser.parse(String.join(" ", fields))).trim();
        } catch (RuntimeException e) {
            // cron-utils could not read it: the caller tries the plain form, then its own words.
            return null;
        }
    }

    /** The set as cron text: runs of three or more as ranges, "1-5", "0,2,4,6". */
    static String plainSet(BitSet set) {
        StringBuilder text = new StringBuilder();
        for (int v = set.nextSetBit(0); v >= 0; ) {
            int end = set.nextClearBit(v) - 1;
            text.append(text.length() == 0 ? "" : ",");
            if (end - v >= 2) {
                text.append(v).append('-').append(end);
            } else {
                text.append(v);
                if (end > v) {
                    text.append(',').append(end);
                }
            }
            v = set.nextSetBit(end + 1);
        }
        return text.toString();
    }
}
