package org.jobdeck.ui.enqueue;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.jobdeck.core.catalog.ParamCheck;
import org.jobdeck.core.catalog.ParamSpec;

/**
 * One declared param of one job in the plan: its declaration (type, description, bounds), the
 * text being typed, prefilled with the default, and what is wrong with that text, checked on every
 * change with the same rules the queue applies at enqueue.
 *
 * <p>An empty field means "not given": the default applies, or, for a required param without
 * one, the row is invalid.
 */
public final class ParamRow {
    private final String job;
    private final String key;
    private final ParamSpec spec;
    private final String defaultValue;
    private final StringProperty value;
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");

    /** @param defaultValue the key's default, or null when it has none */
    public ParamRow(String job, String key, ParamSpec spec, Object defaultValue) {
        this.job = job;
        this.key = key;
        this.spec = spec;
        this.defaultValue = defaultValue == null ? "" : String.valueOf(defaultValue);
        this.value = new SimpleStringProperty(this.defaultValue);
        value.addListener((obs, old, now) -> problem.set(check(now)));
        problem.set(check(this.defaultValue));
    }

    private String check(String text) {
        if (text == null || text.isBlank()) {
            return spec.required() && defaultValue.isEmpty() ? "is required" : "";
        }
        ParamCheck check = spec.read(text);
        return check.isAccepted() ? "" : check.problem();
    }

    public String job() {
        return job;
    }

    public String key() {
        return key;
    }

    /** string, integer, number or boolean. */
    public String type() {
        return spec.type().wireName();
    }

    /** The type with its bounds or choices, as the Type column shows it: "integer ≥ 1". */
    public String typeSummary() {
        return spec.summary();
    }

    public String description() {
        return spec.description();
    }

    /**
     * What an empty field shows: what to type ("integer ≥ 1"). The description has its own
     * column and the field's tooltip, and is often too long for a field.
     */
    public String prompt() {
        return spec.summary();
    }

    public String defaultValue() {
        return defaultValue;
    }

    public StringProperty valueProperty() {
        return value;
    }

    /** Empty while the text is acceptable; else what is wrong, e.g. "must be at least 1, got 0". */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public boolean isValid() {
        return problem.get().isEmpty();
    }

    /** True when the row gives a value of its own: not blank, and not the default as prefilled. */
    public boolean isChanged() {
        String text = value.get();
        return text != null && !text.isBlank() && !defaultValue.equals(text);
    }

    /** A node id for the row's field: "param-feed-presort-userId" (CSS-safe). */
    public String fieldId() {
        return ("param-" + job + "-" + key).replaceAll("[^A-Za-z0-9_-]", "_");
    }
}
