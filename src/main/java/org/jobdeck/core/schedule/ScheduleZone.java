package org.jobdeck.core.schedule;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;

/**
 * Reads a schedule's zone: an IANA zone id such as {@code Europe/Berlin} or {@code UTC}. A fixed
 * offset ({@code +02:00}) is refused: it does not follow its region's DST, which is rarely what an
 * operator who writes "3 AM" means.
 */
public final class ScheduleZone {
    private ScheduleZone() {
    }

    /** @throws ScheduleException (field {@link ScheduleField#ZONE}) for an unknown zone or an offset */
    public static ZoneId parse(String text) {
        if (text == null || text.isBlank()) {
            throw new ScheduleException(ScheduleField.ZONE, "Missing zone: use an IANA zone such as Europe/Berlin");
        }
        if (!ZoneId.getAvailableZoneIds().contains(text)) {
            throw new ScheduleException(ScheduleField.ZONE, "Unknown zone \"" + text + "\": " + hint(text));
        }
        try {
            return ZoneId.of(text);
        } catch (DateTimeException e) {
            throw new ScheduleException(ScheduleField.ZONE, "Unknown zone \"" + text + "\": " + hint(text));
        }
    }

    /**
     * The system's zone, as the default of a new schedule: resolved now and stored explicitly.
     * A JVM whose zone is a bare offset gets the IANA zone of that offset ({@code Etc/GMT-2} for
     * +02:00, the Etc signs being POSIX's), or UTC when the offset has minutes.
     */
    public static ZoneId systemDefault() {
        return ianaOf(ZoneId.systemDefault());
    }

    static ZoneId ianaOf(ZoneId zone) {
        if (ZoneId.getAvailableZoneIds().contains(zone.getId())) {
            return zone;
        }
        ZoneOffset offset = zone.getRules().getOffset(Instant.EPOCH);
        int seconds = offset.getTotalSeconds();
        if (!zone.getRules().isFixedOffset() || seconds % 3600 != 0 || seconds == 0) {
            return ZoneId.of("UTC");
        }
        int hours = seconds / 3600;
        String etc = "Etc/GMT" + (hours > 0 ? "-" : "+") + Math.abs(hours);
        return ZoneId.getAvailableZoneIds().contains(etc) ? ZoneId.of(etc) : ZoneId.of("UTC");
    }

    private static String hint(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        for (String id : ZoneId.getAvailableZoneIds()) {
            String candidate = id.toLowerCase(Locale.ROOT);
            if (candidate.equals(lower) || candidate.endsWith("/" + lower)) {
                return "did you mean " + id + "?";
            }
        }
        if (text.startsWith("+") || text.startsWith("-") || lower.startsWith("utc+") || lower.startsWith("gmt+")) {
            return "use an IANA zone such as Europe/Berlin, not an offset (an offset follows no DST)";
        }
        return "use an IANA zone such as Europe/Berlin, America/New_York or UTC";
    }
}
