package org.jobdeck.core.plan;

import java.util.Locale;

/** What a plan was asked for: every job, one group, or a set of named jobs. */
public enum PlanScope {
    ALL, GROUP, JOBS;

    /** The lowercase name used in JSON and on the command line. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
