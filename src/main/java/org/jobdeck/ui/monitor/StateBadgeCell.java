package org.jobdeck.ui.monitor;

import javafx.beans.value.ChangeListener;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import org.jobdeck.api.RunStatus;

/** The run's state as a coloured badge that follows the row's state property. */
final class StateBadgeCell extends TableCell<RunRow, RunRow> {
    private final Label badge = new Label();
    private final ChangeListener<RunStatus> onState = (obs, old, now) -> show(now);
    private RunRow bound;

    @Override
    protected void updateItem(RunRow row, boolean empty) {
        super.updateItem(row, empty);
        if (bound != null) {
            bound.stateProperty().removeListener(onState);
            bound = null;
        }
        if (empty || row == null) {
            setGraphic(null);
            return;
        }
        bound = row;
        row.stateProperty().addListener(onState);
        show(row.stateProperty().get());
        setGraphic(badge);
    }

    private void show(RunStatus state) {
        badge.getStyleClass().setAll("label", "state-badge", "state-" + state.wireName());
        badge.setText(state.wireName());
    }
}
