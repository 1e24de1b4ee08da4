package org.jobdeck.ui.graph;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.elk.alg.layered.components.ComponentOrderingStrategy;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.alg.layered.options.OrderingStrategy;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.math.ElkPadding;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeRouting;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkBendPoint;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkEdgeSection;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;

/**
 * Places a {@link GraphModel} with Eclipse ELK's layered algorithm: layers run left to right,
 * so every dependency sits left of the jobs that need it, and edges are routed orthogonally.
 * Cycles (an invalid catalog's graph) are fine: ELK reverses a few edges to break them and
 * still routes each edge from its dependency to its dependent.
 *
 * <p>Pure Java, no JavaFX: the view measures its nodes on the FX thread, then runs this on a
 * background thread. Each call builds its own ELK graph, so calls may run concurrently.
 */
public final class GraphLayout {
    /** Blank space around the drawing, part of the result's width and height. */
    public static final double PADDING = 24;
    private static final double NODE_SPACING = 18;
    private static final double LAYER_SPACING = 64;
    private static final double EDGE_NODE_SPACING = 18;
    private static final double EDGE_SPACING = 10;

    private GraphLayout() {
    }

    public record Size(double width, double height) {
    }

    public record Point(double x, double y) {
    }

    /** A node's box; x and y are its top-left corner. */
    public record NodeBox(String id, double x, double y, double width, double height) {
        public Point center() {
            return new Point(x + width / 2, y + height / 2);
        }
    }

    /** An edge's polyline: start (on the dependency), the bend points, end (on the dependent). */
    public record EdgeRoute(GraphModel.Edge edge, List<Point> points) {
        public EdgeRoute {
            points = List.copyOf(points);
        }
    }

    /** The drawing: its overall size (padding included), nodes by id, and one route per edge. */
    public record Result(double width, double height, Map<String, NodeBox> nodes,
                         List<EdgeRoute> edges) {
        public Result {
            nodes = Map.copyOf(nodes);
            edges = List.copyOf(edges);
        }
    }

    /**
     * Lays out every node of {@code model}, sized by {@code sizes}.
     *
     * @throws IllegalArgumentException when a node has no size
     */
    public static Result layout(GraphModel model, Map<String, Size> sizes) {
        ElkNode root = newRoot();
        Map<String, ElkNode> shapes = new LinkedHashMap<>();
        for (GraphModel.Node node : model.nodes()) {
            Size size = sizes.get(node.id());
            if (size == null) {
                throw new IllegalArgumentException("no size for node " + node.id());
            }
            ElkNode shape = ElkGraphUtil.createNode(root);
            shape.setIdentifier(node.id());
            shape.setDimensions(size.width(), size.height());
            shapes.put(node.id(), shape);
        }
        Map<ElkEdge, GraphModel.Edge> edges = new LinkedHashMap<>();
        for (GraphModel.Edge edge : model.edges()) {
            ElkNode from = shapes.get(edge.from());
            ElkNode to = shapes.get(edge.to());
            if (from != null && to != null) {
                edges.put(ElkGraphUtil.createSimpleEdge(from, to), edge);
            }
        }
        new RecursiveGraphLayoutEngine().layout(root, new BasicProgressMonitor());
        return result(root, shapes, edges);
    }

    private static ElkNode newRoot() {
        ElkNode root = ElkGraphUtil.createGraph();
        root.setProperty(CoreOptions.ALGORITHM, LayeredOptions.ALGORITHM_ID);
        root.setProperty(CoreOptions.DIRECTION, Direction.RIGHT);
        root.setProperty(CoreOptions.EDGE_ROUTING, EdgeRouting.ORTHOGONAL);
        root.setProperty(CoreOptions.PADDING, new ElkPadding(PADDING));
        root.setProperty(LayeredOptions.SPACING_NODE_NODE, NODE_SPACING);
        root.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, LAYER_SPACING);
        root.setProperty(LayeredOptions.SPACING_EDGE_NODE_BETWEEN_LAYERS, EDGE_NODE_SPACING);
        root.setProperty(LayeredOptions.SPACING_EDGE_EDGE, EDGE_SPACING);
        root.setProperty(LayeredOptions.SPACING_EDGE_EDGE_BETWEEN_LAYERS, EDGE_SPACING);
        root.setProperty(LayeredOptions.SPACING_COMPONENT_COMPONENT, LAYER_SPACING / 2);
        // keep the catalog's order (jobs of a group together) where it costs no crossings
        root.setProperty(LayeredOptions.CONSIDER_MODEL_ORDER_STRATEGY, OrderingStrategy.NODES_AND_EDGES);
        root.setProperty(LayeredOptions.CONSIDER_MODEL_ORDER_COMPONENTS, ComponentOrderingStrategy.MODEL_ORDER);
        return root;
    }

    private static Result result(ElkNode root, Map<String, ElkNode> shapes,
                                 Map<ElkEdge, GraphModel.Edge> edges) {
        Map<String, NodeBox> boxes = new LinkedHashMap<>();
        shapes.forEach((id, shape) -> boxes.put(id,
                new NodeBox(id, shape.getX(), shape.getY(), shape.getWidth(), shape.getHeight())));
        List<EdgeRoute> routes = new ArrayList<>();
        edges.forEach((elkEdge, edge) -> routes.add(new EdgeRoute(edge, points(elkEdge))));
        return new Result(root.getWidth(), root.getHeight(), boxes, routes);
    }

    // A simple edge between siblings of the root has one section in the root's coordinates.
    private static List<Point> points(ElkEdge edge) {
        List<Point> points = new ArrayList<>();
        for (ElkEdgeSection section : edge.getSections()) {
            points.add(new Point(section.getStartX(), section.getStartY()));
            for (ElkBendPoint bend : section.getBendPoints()) {
                points.add(new Point(bend.getX(), bend.getY()));
            }
            points.add(new Point(section.getEndX(), section.getEndY()));
        }
        return points;
    }
}
