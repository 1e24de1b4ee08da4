package org.jobdeck.ui.monitor;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.jobdeck.api.RunStatus;
import org.jobdeck.api.RunView;

/**
 * One run in the Active Jobs table. Identity fields are final; everything a change can touch is
 * a property updated in place, so the table redraws a cell, not the list.
 */
public final class RunRow {
    private final String id;
    private final long numericId;
    private final String jobName;
    private final String group;
    private final String batchId;
    private final ObjectProperty<RunStatus> state = new SimpleObjectProperty<>();
    private final IntegerProperty attempt = new SimpleIntegerProperty();
    private final IntegerProperty maxAttempts = new SimpleIntegerProperty();
    private final DoubleProperty progress = new SimpleDoubleProperty(-1);
    private final StringProperty progressMessage = new SimpleStringProperty();
    private final ObjectProperty<Instant> startedAt = new SimpleObjectProperty<>();
    private final ObjectProperty<Instant> finishedAt = new SimpleObjectProperty<>();
    private final StringProperty error = new SimpleStringProperty();
    private final StringProperty why = new SimpleStringProperty();
    private Map<String, Object> params = Map.of();
    private List<String> upstream = List.of();
    private long version = -1;
    private int index = -1;

    RunRow(RunView view) {
        this.id = view.jobRunId();
        this.numericId = parse(view.jobRunId());
        this.jobName = view.jobName();
        this.group = view.group();
        this.batchId = view.batchId();
        update(view);
    }

    /** Applies a newer snapshot; returns false (and changes nothing) for an older one. */
    boolean update(RunView view) {
        if (view.version() <= version) {
            return false;
        }
        version = view.version();
        attempt.set(view.attempt());
        maxAttempts.set(view.maxAttempts());
        progress.set(view.progress() == null ? -1 : view.progress().fraction());
        progressMessage.set(view.progress() == null ? null : view.progress().message());
        startedAt.set(instant(view.startedAt()));
        finishedAt.set(instant(view.finishedAt()));
        error.set(view.error());
        why.set(view.why());
        params = view.params();
        upstream = view.upstream();
        state.set(view.state()); // last: whoever watches the state sees the rest already updated
        return true;
    }

    /** Where the row stands in the view model's list of all rows (rows are only ever appended). */
    int index() {
        return index;
    }

    void index(int index) {
        this.index = index;
    }

    private static Instant instant(String text) {
        return text == null ? null : Instant.parse(text);
    }

    private static long parse(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            return Long.MIN_VALUE;
        }
    }

    public String id() {
        return id;
    }

    public long numericId() {
        return numericId;
    }

    public String jobName() {
        return jobName;
    }

    public String group() {
        return group;
    }

    public String batchId() {
        return batchId;
    }

    public ReadOnlyObjectProperty<RunStatus> stateProperty() {
        return state;
    }

    public IntegerProperty attemptProperty() {
        return attempt;
    }

    public IntegerProperty maxAttemptsProperty() {
        return maxAttempts;
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    public StringProperty progressMessageProperty() {
        return progressMessage;
    }

    public ObjectProperty<Instant> startedAtProperty() {
        return startedAt;
    }

    public ObjectProperty<Instant> finishedAtProperty() {
        return finishedAt;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public StringProperty whyProperty() {
        return why;
    }

    public Map<String, Object> params() {
        return params;
    }

    public List<String> upstream() {
        return upstream;
    }

    public long version() {
        return version;
    }

    public boolean isActive() {
        return state.get().isActive();
    }
}
