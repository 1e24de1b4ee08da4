package org.jobdeck.ui.monitor;

import javafx.beans.value.ChangeListener;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;
import org.jobdeck.api.RunStatus;

/**
 * A progress bar for running runs (indeterminate until the handler reports a total), full for
 * finished ones, empty for the rest.
 */
final class ProgressCell extends TableCell<RunRow, RunRow> {
    private final ProgressBar bar = new ProgressBar(0);
    private final ChangeListener<Object> onChange = (obs, old, now) -> show();
    private RunRow bound;

    ProgressCell() {
        bar.setMaxWidth(Double.MAX_VALUE);
    }

    @Override
    protected void updateItem(RunRow row, boolean empty) {
        super.updateItem(row, empty);
        if (bound != null) {
            bound.progressProperty().removeListener(onChange);
            bound.stateProperty().removeListener(onChange);
            bound = null;
        }
        if (empty || row == null) {
            setGraphic(null);
            setTooltip(null);
            return;
        }
        bound = row;
        row.progressProperty().addListener(onChange);
        row.stateProperty().addListener(onChange);
        show();
        setGraphic(bar);
    }

    private void show() {
        RunRow row = bound;
        RunStatus state = row.stateProperty().get();
        double fraction = row.progressProperty().get();
        if (state == RunStatus.SUCCEEDED) {
            bar.setProgress(1);
        } else if (state == RunStatus.RUNNING) {
            bar.setProgress(fraction < 0 ? ProgressBar.INDETERMINATE_PROGRESS : fraction);
        } else {
            bar.setProgress(fraction < 0 ? 0 : fraction);
        }
        String message = row.progressMessageProperty().get();
        setTooltip(message == null ? null : new Tooltip(message));
    }
}
