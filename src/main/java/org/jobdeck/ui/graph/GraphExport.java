package org.jobdeck.ui.graph;

import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Path;
import javafx.scene.image.WritableImage;
import javafx.stage.FileChooser;
import org.jobdeck.ui.util.PngImages;

/**
 * Export to PNG: the picture is rendered on the FX thread ({@link GraphSheet}); encoding and
 * writing the file run on the view's executor.
 */
final class GraphExport {
    /** Button exports are crisp on high-DPI screens and still small (tens of kB). */
    private static final double BUTTON_SCALE = 2;

    private final DependencyGraphView view;
    private File lastDirectory;

    GraphExport(DependencyGraphView view) {
        this.view = view;
    }

    /** @throws IllegalStateException before the first layout has been drawn */
    WritableImage render(double scale) {
        GraphLayout.Result layout = view.layoutResult();
        if (layout == null) {
            throw new IllegalStateException("The graph has not been laid out yet");
        }
        GraphHighlight highlight = GraphHighlight.of(view.getModel(), view.getSelectedNode());
        return GraphSheet.render(view.getModel(), layout, highlight, view.getScene(), scale);
    }

    void chooseFileAndWrite() {
        if (view.layoutResult() == null) {
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export dependency graph");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG image", "*.png"));
        chooser.setInitialFileName("dependency-graph.png");
        if (lastDirectory != null && lastDirectory.isDirectory()) {
            chooser.setInitialDirectory(lastDirectory);
        }
        File chosen = chooser.showSaveDialog(view.getScene() == null ? null : view.getScene().getWindow());
        if (chosen == null) {
            return;
        }
        lastDirectory = chosen.getParentFile();
        Path file = chosen.getName().contains(".") ? chosen.toPath() : Path.of(chosen.getPath() + ".png");
        BufferedImage image = PngImages.toBufferedImage(render(BUTTON_SCALE));
        view.setStatus("Exporting " + file.getFileName() + "…");
        view.executor().execute(() -> {
            PngImages.write(image, file);
            return file;
        }, written -> view.setStatus("Exported " + written.getFileName()), error -> view.setStatus("Export failed: " + error.getMessage()));
    }
}
