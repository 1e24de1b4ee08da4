package org.jobdeck.ui.graph;

import java.util.Objects;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.jobdeck.ui.util.TaskExecutor;

/** The "Dependency graph" window the main window's Graph button opens: a stage around the view. */
public final class GraphWindow {
    public static final String TITLE = "Dependency graph";
    static final double DEFAULT_WIDTH = 1200;
    static final double DEFAULT_HEIGHT = 760;

    private final Stage stage = new Stage();
    private final DependencyGraphView view;

    private GraphWindow(Window owner, TaskExecutor executor) {
        view = new DependencyGraphView(executor);
        stage.setTitle(TITLE);
        stage.setScene(new Scene(view, DEFAULT_WIDTH, DEFAULT_HEIGHT));
        stage.setMinWidth(480);
        stage.setMinHeight(320);
        if (owner != null) {
            stage.initOwner(owner);
            if (owner instanceof Stage ownerStage) {
                stage.getIcons().setAll(ownerStage.getIcons());
            }
            if (owner.getScene() != null) {
                stage.getScene().getStylesheets().setAll(owner.getScene().getStylesheets());
                stage.getScene().setUserAgentStylesheet(owner.getScene().getUserAgentStylesheet());
            }
        }
    }

    /**
     * Opens a window showing {@code model}; its layout runs on {@code executor}. FX thread only.
     *
     * @param owner the main window (may be null): the graph window stays above it
     */
    public static GraphWindow show(Window owner, GraphModel model, TaskExecutor executor) {
        Objects.requireNonNull(model, "model");
        GraphWindow window = new GraphWindow(owner, Objects.requireNonNull(executor, "executor"));
        window.view.setModel(model);
        window.stage.show();
        return window;
    }

    public Stage stage() {
        return stage;
    }

    public DependencyGraphView view() {
        return view;
    }

    /** Shows another graph in this window (e.g. after the catalog was reloaded). */
    public void setModel(GraphModel model) {
        view.setModel(model);
    }

    public void close() {
        stage.close();
    }
}
