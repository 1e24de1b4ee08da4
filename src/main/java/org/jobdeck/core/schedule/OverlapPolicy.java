package org.jobdeck.core.schedule;

/**
 * What a schedule does at a slot while the batch it enqueued last has not ended (the storage
 * layer decides "not ended": some run of the batch is not settled).
 */
public enum OverlapPolicy {
    /** Record the slot as skipped, with the reason "previous batch 40 still active". The default. */
    SKIP("skip"),
    /** Enqueue anyway: the two batches run side by side. */
    QUEUE("queue"),
    /** Cancel the previous batch's unfinished runs, then enqueue. */
    CANCEL_PREVIOUS("cancel-previous");

    private final String wireName;

    OverlapPolicy(String wireName) {
        this.wireName = wireName;
    }

    /** The name used in JSON and on the command line: "skip", "queue", "cancel-previous". */
    public String wireName() {
        return wireName;
    }

    /** @throws ScheduleException (field {@link ScheduleField#OVERLAP}) for anything else */
    public static OverlapPolicy fromWire(String text) {
        for (OverlapPolicy policy : values()) {
            if (policy.wireName.equals(text)) {
                return policy;
            }
        }
        throw new ScheduleException(ScheduleField.OVERLAP,
                "Invalid overlap policy \"" + text + "\": use skip, queue or cancel-previous");
    }
}
