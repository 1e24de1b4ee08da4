package org.jobdeck.ui.graph;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.scene.layout.Pane;
import org.jobdeck.ui.graph.GraphLayout.NodeBox;
import org.jobdeck.ui.graph.GraphLayout.Size;

/**
 * The drawing at 100%: one {@link GraphNodeView} per job and, once laid out, one
 * {@link GraphEdgeView} per dependency (under the nodes). Knows nothing of zoom or pan.
 *
 * <p>Life cycle: create (nodes exist, unplaced), {@link #measure()} while in a scene (CSS gives
 * the label sizes ELK needs), {@link #place} with ELK's result, then {@link #highlight} at will.
 */
final class GraphCanvas extends Pane {
    private static final double MIN_NODE_WIDTH = 120;
    private static final double MAX_NODE_WIDTH = 260;

    private final GraphModel model;
    private final Map<String, GraphNodeView> nodes = new LinkedHashMap<>();
    private final List<GraphEdgeView> edges = new ArrayList<>();

    /** @param onNodeClicked called with the job name when a node is clicked (not dragged) */
    GraphCanvas(GraphModel model, Consumer<String> onNodeClicked) {
        this.model = model;
        getStyleClass().add("graph-canvas");
        setId("graph-canvas");
        for (GraphModel.Node node : model.nodes()) {
            GraphNodeView view = new GraphNodeView(node, GroupPalette.styleClass(model.groups(), node.group()));
            view.setOnMouseClicked(event -> {
                if (event.isStillSincePress()) {
                    onNodeClicked.accept(node.id());
                    event.consume();
                }
            });
            nodes.put(node.id(), view);
        }
        getChildren().addAll(nodes.values());
    }

    /** A placed copy for export: no measuring, no clicks. */
    static GraphCanvas placedCopy(GraphModel model, GraphLayout.Result layout, GraphHighlight highlight) {
        GraphCanvas copy = new GraphCanvas(model, id -> { });
        copy.place(layout);
        copy.highlight(highlight);
        return copy;
    }

    GraphModel model() {
        return model;
    }

    GraphNodeView node(String id) {
        return nodes.get(id);
    }

    Collection<GraphNodeView> nodeViews() {
        return nodes.values();
    }

    /**
     * The size each node needs, from its CSS. All nodes get the widest label's width (within
     * limits; longer names are elided, the tooltip has them whole) so layers line up.
     */
    Map<String, Size> measure() {
        applyCss();
        double width = MIN_NODE_WIDTH;
        double height = 0;
        for (GraphNodeView view : nodes.values()) {
            width = Math.max(width, Math.ceil(view.prefWidth(-1)));
            height = Math.max(height, Math.ceil(view.prefHeight(-1)));
        }
        Size size = new Size(Math.min(width, MAX_NODE_WIDTH), height);
        Map<String, Size> sizes = new HashMap<>();
        nodes.keySet().forEach(id -> sizes.put(id, size));
        return sizes;
    }

    void place(GraphLayout.Result layout) {
        getChildren().removeAll(edges);
        edges.clear();
        for (GraphLayout.EdgeRoute route : layout.edges()) {
            edges.add(new GraphEdgeView(route.edge(), route.points()));
        }
        getChildren().addAll(0, edges);
        for (NodeBox box : layout.nodes().values()) {
            GraphNodeView view = nodes.get(box.id());
            view.setMinSize(box.width(), box.height());
            view.setPrefSize(box.width(), box.height());
            view.setMaxSize(box.width(), box.height());
            view.relocate(box.x(), box.y());
        }
        setMinSize(layout.width(), layout.height());
        setPrefSize(layout.width(), layout.height());
        setMaxSize(layout.width(), layout.height());
    }

    void highlight(GraphHighlight highlight) {
        nodes.values().forEach(view -> view.highlight(highlight));
        edges.forEach(view -> view.highlight(highlight));
        GraphNodeView selected = highlight.active() ? nodes.get(highlight.selected()) : null;
        if (selected != null) {
            selected.toFront();
        }
    }
}
