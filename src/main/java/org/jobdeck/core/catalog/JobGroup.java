package org.jobdeck.core.catalog;

import java.util.Objects;

/** A named set of jobs with one purpose, such as {@code matching} or {@code feed}. */
public record JobGroup(String name, String title, String purpose) {
    public JobGroup {
        Objects.requireNonNull(name, "name");
        title = title == null ? name : title;
        purpose = purpose == null ? "" : purpose;
    }
}
