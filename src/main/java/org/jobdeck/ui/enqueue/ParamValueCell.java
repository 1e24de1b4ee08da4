package org.jobdeck.ui.enqueue;

import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * The params editor's value cell: a text field that is always editable (so a row is checked as
 * it is typed, not when an edit is committed) and, beside it, what is wrong with the text.
 * Cells are reused as the table scrolls, so each binds to its current row and lets go of the last.
 */
final class ParamValueCell extends TableCell<ParamRow, ParamRow> {
    /** AtlantaFX, and jobdeck.css for these fields, draw a text input in the danger colour with it. */
    private static final PseudoClass DANGER = PseudoClass.getPseudoClass("danger");

    private final TextField field = new TextField();
    private final Label problem = new Label();
    private final HBox box = new HBox(10, field, problem);
    private ParamRow bound;

    ParamValueCell() {
        field.getStyleClass().add("param-field");
        field.setPrefWidth(170);
        field.setMinWidth(170);
        problem.getStyleClass().addAll("error-line", "param-problem");
        problem.textProperty().addListener((obs, old, now) ->
                field.pseudoClassStateChanged(DANGER, now != null && !now.isEmpty()));
        HBox.setHgrow(problem, Priority.ALWAYS);
        box.setAlignment(Pos.CENTER_LEFT);
        setText(null);
    }

    @Override
    protected void updateItem(ParamRow row, boolean empty) {
        super.updateItem(row, empty);
        if (bound != null) {
            field.textProperty().unbindBidirectional(bound.valueProperty());
            problem.textProperty().unbind();
            bound = null;
        }
        if (empty || row == null) {
            setGraphic(null);
            return;
        }
        bound = row;
        field.textProperty().bindBidirectional(row.valueProperty());
        problem.textProperty().bind(row.problemProperty());
        field.setPromptText(row.prompt());
        field.setTooltip(new Tooltip(row.key() + " (" + row.typeSummary() + ")"
                + (row.description().isEmpty() ? "" : ": " + row.description())
                + (row.defaultValue().isEmpty() ? "" : "\nEmpty means the default, " + row.defaultValue())));
        field.setId(row.fieldId());
        problem.setId(row.fieldId() + "-problem");
        setGraphic(box);
    }
}
