package org.jobdeck.queue;

import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;

/**
 * Where a batch came from: an enqueue someone asked for, a slot of a schedule, or a schedule run
 * by hand. Stored with the batch, shown wherever a batch is: {@code {"kind":"schedule",
 * "schedule":"nightly-maintenance","slot":"2027-03-28T01:00:00Z"}}.
 *
 * @param schedule the schedule's name, for SCHEDULE and MANUAL
 * @param slot     the slot it fired for, for SCHEDULE
 */
public record BatchOrigin(Kind kind, String schedule, Instant slot) {
    public static final BatchOrigin ENQUEUE = new BatchOrigin(Kind.ENQUEUE, null, null);

    public enum Kind {
        ENQUEUE, SCHEDULE, MANUAL;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Kind parse(String text) {
            return Arrays.stream(values()).filter(kind -> kind.wireName().equals(text)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown batch origin: " + text));
        }
    }

    public BatchOrigin {
        if (kind == null) {
            throw new IllegalArgumentException("a batch origin needs a kind");
        }
        if (kind != Kind.ENQUEUE && schedule == null) {
            throw new IllegalArgumentException(kind.wireName() + " needs a schedule");
        }
    }

    public static BatchOrigin schedule(String schedule, Instant slot) {
        return new BatchOrigin(Kind.SCHEDULE, schedule, slot);
    }

    public static BatchOrigin manual(String schedule) {
        return new BatchOrigin(Kind.MANUAL, schedule, null);
    }

    /** One line for people: "schedule nightly-maintenance, slot 2027-03-28T01:00:00Z". */
    public String describe() {
        return switch (kind) {
            case ENQUEUE -> "enqueued";
            case SCHEDULE -> "schedule " + schedule + ", slot " + slot;
            case MANUAL -> "schedule " + schedule + ", run by hand";
        };
    }
}
