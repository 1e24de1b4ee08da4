package org.jobdeck.queue;

import java.util.Arrays;
import java.util.Locale;

/** What became of one slot of a schedule. */
public enum FireOutcome {
    /** A batch was enqueued for it. */
    ENQUEUED,
    /** It was due but not enqueued, for a reason: the previous batch still active, nothing changed. */
    SKIPPED,
    /** No process was running at it (or the misfire policy let it pass). */
    MISSED,
    /** Its probe or its enqueue failed: the error is recorded, nothing was enqueued. */
    FAILED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static FireOutcome parse(String text) {
        return Arrays.stream(values()).filter(outcome -> outcome.wireName().equals(text)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown fire outcome: " + text));
    }
}
