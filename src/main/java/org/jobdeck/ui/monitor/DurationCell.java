package org.jobdeck.ui.monitor;

import java.time.Duration;
import java.time.Instant;
import javafx.beans.property.ObjectProperty;
import javafx.beans.value.ChangeListener;
import javafx.scene.control.TableCell;
import org.jobdeck.api.RunStatus;
import org.jobdeck.core.text.Durations;

/** Elapsed time; a running run's cell follows the window's one-second clock. */
final class DurationCell extends TableCell<RunRow, RunRow> {
    private final ObjectProperty<Instant> now;
    private final ChangeListener<Object> onChange = (obs, old, value) -> show();
    private RunRow bound;

    DurationCell(ObjectProperty<Instant> now) {
        this.now = now;
        now.addListener((obs, old, value) -> {
            if (bound != null && bound.stateProperty().get() == RunStatus.RUNNING) {
                show();
            }
        });
    }

    @Override
    protected void updateItem(RunRow row, boolean empty) {
        super.updateItem(row, empty);
        if (bound != null) {
            bound.finishedAtProperty().removeListener(onChange);
            bound.startedAtProperty().removeListener(onChange);
            bound = null;
        }
        if (empty || row == null) {
            setText(null);
            return;
        }
        bound = row;
        row.finishedAtProperty().addListener(onChange);
        row.startedAtProperty().addListener(onChange);
        show();
    }

    private void show() {
        setText(bound == null ? null : duration(bound, now.get()));
    }

    /** How long the run took, or has been running; empty before it started. */
    static String duration(RunRow row, Instant now) {
        Instant started = row.startedAtProperty().get();
        if (started == null) {
            return "";
        }
        Instant end = row.finishedAtProperty().get() != null ? row.finishedAtProperty().get()
                : row.stateProperty().get() == RunStatus.RUNNING ? now : null;
        return end == null ? "" : Durations.format(Duration.between(started, end).toMillis());
    }
}
