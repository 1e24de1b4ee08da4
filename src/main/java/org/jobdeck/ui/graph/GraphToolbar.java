package org.jobdeck.ui.graph;

import javafx.beans.binding.Bindings;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.javafx.FontIcon;

/** Zoom out, zoom %, zoom in, fit, export; then what is shown, and a hint or export status. */
final class GraphToolbar extends ToolBar {
    GraphToolbar(DependencyGraphView view) {
        getStyleClass().add("graph-toolbar");
        Button zoomOut = button("graph-zoom-out", "mdi2m-magnify-minus-outline", "Zoom out (Ctrl+wheel)", view::zoomOut);
        Button zoomIn = button("graph-zoom-in", "mdi2m-magnify-plus-outline", "Zoom in (Ctrl+wheel)", view::zoomIn);
        Button fit = button("graph-fit", "mdi2f-fit-to-screen-outline", "Fit the whole graph", view::fit);
        Button export = button("graph-export", "mdi2f-file-image-outline", "Export as PNG…", view::export);
        export.setText("Export PNG");
        Label zoom = new Label();
        zoom.setId("graph-zoom-level");
        zoom.getStyleClass().add("graph-zoom-level");
        zoom.textProperty().bind(Bindings.createStringBinding(
                () -> Math.round(view.zoomProperty().get() * 100) + "%", view.zoomProperty()));
        for (Button button : new Button[] {zoomOut, zoomIn, fit, export}) {
            button.disableProperty().bind(view.layingOutProperty().or(view.modelProperty().isNull()));
        }
        Label summary = new Label();
        summary.getStyleClass().add("graph-summary");
        summary.textProperty().bind(Bindings.createStringBinding(() -> summary(view.getModel()), view.modelProperty()));
        Label status = new Label();
        status.getStyleClass().add("graph-status");
        status.textProperty().bind(view.statusProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        getItems().addAll(zoomOut, zoom, zoomIn, fit, new Separator(Orientation.VERTICAL), export, new Separator(Orientation.VERTICAL), summary, spacer, status);
    }

    private static Button button(String id, String icon, String tooltip, Runnable action) {
        Button button = new Button(null, new FontIcon(icon));
        button.setId(id);
        button.setTooltip(new Tooltip(tooltip));
        button.setOnAction(e -> action.run());
        return button;
    }

    static String summary(GraphModel model) {
        if (model == null) {
            return "";
        }
        int jobs = model.nodes().size();
        int edges = model.edges().size();
        long cycleEdges = model.edges().stream().filter(GraphModel.Edge::inCycle).count();
        String text = jobs + (jobs == 1 ? " job" : " jobs") + " · " + edges + (edges == 1 ? " dependency" : " dependencies");
        return cycleEdges == 0 ? text : text + " · " + cycleEdges + " on a cycle";
    }
}
