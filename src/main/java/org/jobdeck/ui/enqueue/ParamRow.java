package org.jobdeck.ui.enqueue;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One editable param of one job in the plan, prefilled with the job's default. */
public final class ParamRow {
    private final String job;
    private final String key;
    private final String type;
    private final String defaultValue;
    private final StringProperty value;

    public ParamRow(String job, String key, Object defaultValue) {
        this.job = job;
        this.key = key;
        this.type = defaultValue instanceof Number ? "number" : defaultValue instanceof Boolean ? "boolean" : "string";
        this.defaultValue = String.valueOf(defaultValue);
        this.value = new SimpleStringProperty(this.defaultValue);
    }

    public String job() {
        return job;
    }

    public String key() {
        return key;
    }

    public String type() {
        return type;
    }

    public String defaultValue() {
        return defaultValue;
    }

    public StringProperty valueProperty() {
        return value;
    }

    public boolean isChanged() {
        return !defaultValue.equals(value.get());
    }
}
