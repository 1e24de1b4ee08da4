package org.jobdeck.core.text;

import java.util.Locale;

/** Durations as operators read them: "0.4 s", "12 s", "3 min 5 s". */
public final class Durations {
    private Durations() {
    }

    public static String format(long millis) {
        long clamped = Math.max(0, millis);
        if (clamped < 10_000) {
            return String.format(Locale.ROOT, "%.1f s", clamped / 1000.0);
        }
        long seconds = Math.round(clamped / 1000.0);
        if (seconds < 120) {
            return seconds + " s";
        }
        if (seconds < 7200) {
            return seconds / 60 + " min " + seconds % 60 + " s";
        }
        return seconds / 3600 + " h " + seconds % 3600 / 60 + " min";
    }
}
