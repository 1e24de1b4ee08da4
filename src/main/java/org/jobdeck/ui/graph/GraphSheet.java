package org.jobdeck.ui.graph;

import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.transform.Transform;

/**
 * The exported picture: the whole drawing at 100% (whatever the zoom and pan), the current
 * highlight, and the legend under it, rendered in an off-screen scene styled like the live one.
 */
final class GraphSheet {
    private static final double MIN_WIDTH = 480;

    private GraphSheet() {
    }

    /**
     * @param like the live scene, whose stylesheets the sheet borrows (null: the app's defaults)
     * @param scale 1 for one pixel per unit, 2 for high-DPI screens
     */
    static WritableImage render(GraphModel model, GraphLayout.Result layout, GraphHighlight highlight,
                                Scene like, double scale) {
        double width = Math.ceil(Math.max(MIN_WIDTH, layout.width()));
        GraphLegend legend = new GraphLegend();
        legend.show(model);
        legend.getStyleClass().add("sheet-legend");
        legend.setPrefWrapLength(width - 2 * GraphLayout.PADDING);
        VBox sheet = new VBox(GraphCanvas.placedCopy(model, layout, highlight), legend);
        sheet.getStyleClass().add("graph-sheet");
        sheet.getStylesheets().add(DependencyGraphView.STYLESHEET);
        sheet.setPrefWidth(width);
        Scene scene = new Scene(sheet);
        if (like != null) {
            scene.setUserAgentStylesheet(like.getUserAgentStylesheet());
            scene.getStylesheets().setAll(like.getStylesheets());
        }
        sheet.applyCss();
        sheet.layout();
        double height = Math.ceil(sheet.prefHeight(width));
        sheet.resize(width, height);
        sheet.layout();
        SnapshotParameters parameters = new SnapshotParameters();
        parameters.setFill(Color.TRANSPARENT);
        parameters.setTransform(Transform.scale(scale, scale));
        return sheet.snapshot(parameters, new WritableImage(
                (int) Math.round(width * scale), (int) Math.round(height * scale)));
    }
}
