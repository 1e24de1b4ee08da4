package org.jobdeck.core.schedule;

/**
 * How Jobdeck's DST rule placed a fire. The rule, for every zone and every expression:
 * <ul>
 *   <li>A local slot that a spring-forward gap skips fires once, at the first instant after the
 *       gap (Vixie cron's behaviour). All slots of one gap (an hourly schedule has one, a
 *       per-second one has 3,600) fire together, as that one fire, which is also the fire of a
 *       slot at the gap's end if there is one ({@link FireTime#mergedWithSlot()}).</li>
 *   <li>A local slot that a fall-back repeats fires once, at its first occurrence (the earlier
 *       offset). The repeat does not fire: a per-minute schedule fires 60 times in that hour, not
 *       120.</li>
 * </ul>
 */
public enum DstAdjustment {
    /** The slot's local time exists once: it fires then. */
    NONE,
    /** The slot's local time does not exist (spring forward): it fires at the gap's end. */
    MOVED_OUT_OF_GAP,
    /** The slot's local time happens twice (fall back): it fires at the first, only. */
    FIRST_OF_REPEATED
}
