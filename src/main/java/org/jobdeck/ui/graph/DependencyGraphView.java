package org.jobdeck.ui.graph;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import javafx.scene.Group;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import org.jobdeck.ui.graph.GraphLayout.Size;
import org.jobdeck.ui.util.PngImages;
import org.jobdeck.ui.util.TaskExecutor;

/**
 * The dependency graph of a catalog or a plan: a toolbar (zoom, fit, export), the drawing laid
 * out by ELK off the FX thread, and a legend. Clicking a job selects it and lights up what it
 * needs and what needs it; clicking the background (or Escape) clears the selection.
 *
 * <pre>{@code
 * DependencyGraphView view = new DependencyGraphView(executor);
 * view.setModel(GraphModel.ofCatalog(document.validation(), document.problems()));
 * view.selectedNodeProperty().addListener((o, was, job) -> showDetails(job));
 * }</pre>
 */
public class DependencyGraphView extends BorderPane {
    static final String STYLESHEET = Objects.requireNonNull(
            DependencyGraphView.class.getResource("graph.css"), "graph.css").toExternalForm();
    static final String HINT = "Click a job to trace it · drag to pan · Ctrl+wheel to zoom";

    private static final PseudoClass ERROR = PseudoClass.getPseudoClass("error");

    private final TaskExecutor executor;
    private final ObjectProperty<String> selectedNode = new SimpleObjectProperty<>(this, "selectedNode");
    private final ObjectProperty<GraphModel> model = new SimpleObjectProperty<>(this, "model");
    private final ReadOnlyBooleanWrapper layingOut = new ReadOnlyBooleanWrapper(this, "layingOut");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", HINT);
    private final GraphViewport viewport = new GraphViewport();
    private final GraphLegend legend = new GraphLegend();
    private final Label placeholder = new Label();
    private final GraphExport export = new GraphExport(this);
    private GraphCanvas canvas;
    private GraphLayout.Result layout;
    private int generation;

    public DependencyGraphView(TaskExecutor executor) {
        this.executor = Objects.requireNonNull(executor, "executor");
        getStyleClass().add("dependency-graph");
        getStylesheets().add(STYLESHEET);
        placeholder.setId("graph-placeholder");
        placeholder.getStyleClass().add("graph-placeholder");
        placeholder.setVisible(false);
        setTop(new GraphToolbar(this));
        setCenter(new StackPane(viewport, placeholder));
        setBottom(legend);
        viewport.addEventHandler(MouseEvent.MOUSE_CLICKED, e -> {
            if (e.isStillSincePress()) {
                setSelectedNode(null);
            }
        });
        viewport.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> viewport.requestFocus());
        setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                setSelectedNode(null);
            }
        });
        // An invalidation listener, not a change listener: a new model equal to the old one (the
        // same plan previewed again) is still shown afresh, as setModel always did.
        model.addListener((Observable o) -> show(model.get()));
        selectedNode.addListener((o, was, id) -> {
            if (canvas != null) {
                canvas.highlight(GraphHighlight.of(canvas.model(), id));
            }
        });
    }

    // Properties

    /** The selected job's name, or null; set it to select a job from outside. */
    public final ObjectProperty<String> selectedNodeProperty() {
        return selectedNode;
    }

    public final String getSelectedNode() {
        return selectedNode.get();
    }

    public final void setSelectedNode(String jobName) {
        selectedNode.set(jobName);
    }

    /** The graph shown, or null for none; set or bind it to show another. */
    public final ObjectProperty<GraphModel> modelProperty() {
        return model;
    }

    public final GraphModel getModel() {
        return model.get();
    }

    /**
     * Shows {@code graph}: lays it out in the background (a "Laying out…" placeholder shows
     * meanwhile), then draws it fitted to the view. Clears the selection. Null shows nothing.
     */
    public final void setModel(GraphModel graph) {
        model.set(graph);
    }

    /** True from {@link #setModel} until the layout is drawn (or has failed). */
    public final ReadOnlyBooleanProperty layingOutProperty() {
        return layingOut.getReadOnlyProperty();
    }

    public final boolean isLayingOut() {
        return layingOut.get();
    }

    /** The current zoom, 1 = 100%. */
    public final ReadOnlyDoubleProperty zoomProperty() {
        return viewport.zoomProperty();
    }

    /** A usage hint, or the outcome of the last export. */
    public final ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    // Commands

    private void show(GraphModel graph) {
        int current = ++generation;
        setSelectedNode(null);
        layout = null;
        if (graph == null) {
            canvas = null;
            viewport.setContent(new Group());
            legend.getChildren().clear();
            layingOut.set(false);
            showPlaceholder("No jobs to show", false, false);
            return;
        }
        canvas = new GraphCanvas(graph, this::setSelectedNode);
        canvas.setVisible(false);
        viewport.setContent(canvas);
        legend.show(graph);
        showPlaceholder("Laying out…", true, false);
        layingOut.set(true);
        whenInScene(() -> {
            if (current == generation) {
                startLayout(current, graph, canvas.measure());
            }
        });
    }

    public void zoomIn() {
        viewport.zoomIn();
    }

    public void zoomOut() {
        viewport.zoomOut();
    }

    /** Shows the whole graph (never above 100%). */
    public void fit() {
        viewport.fit();
    }

    /**
     * Writes the whole graph (at 100%, whatever the zoom) and its legend as a PNG, one pixel per
     * unit, with the current selection's highlight. FX thread only.
     *
     * @throws IllegalStateException while the first layout of the current model is pending
     */
    public void writePng(Path file) throws IOException {
        writePng(file, 1);
    }

    /** Writes the whole graph and its legend as a PNG at {@code scale} (2 for high-DPI). */
    public void writePng(Path file, double scale) throws IOException {
        PngImages.write(PngImages.toBufferedImage(export.render(scale)), file);
    }

    // For the toolbar, the exporter and tests

    TaskExecutor executor() {
        return executor;
    }

    GraphLayout.Result layoutResult() {
        return layout;
    }

    void export() {
        export.chooseFileAndWrite();
    }

    void setStatus(String text) {
        status.set(text);
    }

    private void startLayout(int current, GraphModel graph, Map<String, Size> sizes) {
        executor.execute(() -> GraphLayout.layout(graph, sizes),
                result -> {
                    if (current == generation) {
                        showLayout(result);
                    }
                },
                error -> {
                    if (current == generation) {
                        layingOut.set(false);
                        showPlaceholder("Could not lay out the graph: " + error.getMessage(), false, true);
                    }
                });
    }

    private void showLayout(GraphLayout.Result result) {
        layout = result;
        canvas.place(result);
        canvas.highlight(GraphHighlight.of(canvas.model(), getSelectedNode()));
        canvas.setVisible(true);
        if (canvas.model().nodes().isEmpty()) {
            showPlaceholder("No jobs to show", false, false);
        } else {
            placeholder.setVisible(false);
        }
        viewport.fit();
        layingOut.set(false);
    }

    private void showPlaceholder(String text, boolean busy, boolean failed) {
        placeholder.setText(text);
        placeholder.setGraphic(busy ? new ProgressIndicator() : null);
        placeholder.pseudoClassStateChanged(ERROR, failed);
        placeholder.setVisible(true);
    }

    // Measuring needs CSS, and CSS needs a scene: wait for one if the view has none yet.
    private void whenInScene(Runnable action) {
        if (getScene() != null) {
            action.run();
            return;
        }
        sceneProperty().addListener(new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Scene> o, Scene was, Scene scene) {
                if (scene != null) {
                    sceneProperty().removeListener(this);
                    action.run();
                }
            }
        });
    }
}
