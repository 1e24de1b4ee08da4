package org.jobdeck.core.schedule;

import java.util.regex.Pattern;

/**
 * A schedule's name, unique among schedules: 1 to 64 characters of lowercase letters, digits,
 * '.', '_' and '-', starting with a letter or a digit ({@code nightly-maintenance}).
 *
 * <p>The catalog has no written rule for job names; every job of the built-in catalog is
 * lowercase words joined by '-', and this rule admits all of them. The rule keeps names safe in a
 * URL path ({@code /api/admin/schedules/{name}}), a shell argument and a file name, unquoted.
 */
public record ScheduleName(String value) implements Comparable<ScheduleName> {
    private static final Pattern RULE = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    /** @throws ScheduleException (field {@link ScheduleField#NAME}) for a name outside the rule */
    public ScheduleName {
        if (value == null || value.isEmpty()) {
            throw new ScheduleException(ScheduleField.NAME, "Missing schedule name");
        }
        if (!RULE.matcher(value).matches()) {
            throw new ScheduleException(ScheduleField.NAME, "Invalid schedule name \"" + value
                    + "\": use 1-64 lowercase letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
    }

    public static ScheduleName of(String value) {
        return new ScheduleName(value);
    }

    @Override
    public int compareTo(ScheduleName other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
