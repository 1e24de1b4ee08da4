package org.jobdeck.core.plan;

import java.util.Locale;

/** Why a job is in a plan. */
public enum InclusionReason {
    /** Selected: in the selected group, named explicitly, or part of "all". */
    MEMBER,
    /** Not selected, but a selected job needs it, directly or transitively. */
    DEPENDENCY;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** "Member" or "Dependency", as the console labels it. */
    public String label() {
        return this == MEMBER ? "Member" : "Dependency";
    }
}
