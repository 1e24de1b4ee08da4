package org.jobdeck.ui.graph;

import java.util.List;
import javafx.css.PseudoClass;
import javafx.scene.Group;
import javafx.scene.shape.LineTo;
import javafx.scene.shape.MoveTo;
import javafx.scene.shape.Path;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.QuadCurveTo;
import org.jobdeck.ui.graph.GraphLayout.Point;

/**
 * One dependency: ELK's orthogonal polyline with softened corners, and an arrowhead at the job
 * that needs it. Style classes {@code graph-edge} (legend samples: {@code legend-edge-sample}),
 * plus {@code cross-group} and {@code cycle}; all share {@code edge-view} for styling.
 */
final class GraphEdgeView extends Group {
    private static final double ARROW_LENGTH = 9;
    private static final double ARROW_HALF_WIDTH = 4.5;
    private static final double CORNER_RADIUS = 6;
    private static final PseudoClass LIT = PseudoClass.getPseudoClass("lit");
    private static final PseudoClass DIMMED = PseudoClass.getPseudoClass("dimmed");

    private final GraphModel.Edge edge;

    GraphEdgeView(GraphModel.Edge edge, List<Point> points) {
        this(edge, points, "graph-edge");
    }

    GraphEdgeView(GraphModel.Edge edge, List<Point> points, String kind) {
        this.edge = edge;
        getStyleClass().addAll("edge-view", kind);
        if (edge.crossGroup()) {
            getStyleClass().add("cross-group");
        }
        if (edge.inCycle()) {
            getStyleClass().add("cycle");
        }
        setMouseTransparent(true);
        if (points.size() >= 2) {
            getChildren().addAll(line(points), arrow(points));
        }
    }

    GraphModel.Edge edge() {
        return edge;
    }

    void highlight(GraphHighlight highlight) {
        boolean lit = highlight.lights(edge);
        pseudoClassStateChanged(LIT, lit);
        pseudoClassStateChanged(DIMMED, highlight.active() && !lit);
    }

    private static Path line(List<Point> points) {
        Path path = new Path();
        path.getStyleClass().add("edge-line");
        path.setFill(null);
        Point first = points.get(0);
        path.getElements().add(new MoveTo(first.x(), first.y()));
        for (int i = 1; i < points.size() - 1; i++) {
            Point before = points.get(i - 1);
            Point corner = points.get(i);
            Point after = points.get(i + 1);
            double radius = Math.min(CORNER_RADIUS,
                    Math.min(distance(before, corner), distance(corner, after)) / 2);
            Point in = toward(corner, before, radius);
            Point out = toward(corner, after, radius);
            path.getElements().add(new LineTo(in.x(), in.y()));
            path.getElements().add(new QuadCurveTo(corner.x(), corner.y(), out.x(), out.y()));
        }
        // stop short of the tip so the line's end does not poke through the arrowhead
        Point end = toward(points.get(points.size() - 1), points.get(points.size() - 2), ARROW_LENGTH - 1);
        path.getElements().add(new LineTo(end.x(), end.y()));
        return path;
    }

    private static Polygon arrow(List<Point> points) {
        Point tip = points.get(points.size() - 1);
        Point from = points.get(points.size() - 2);
        double length = Math.max(distance(from, tip), 1e-6);
        double ux = (tip.x() - from.x()) / length;
        double uy = (tip.y() - from.y()) / length;
        double baseX = tip.x() - ux * ARROW_LENGTH;
        double baseY = tip.y() - uy * ARROW_LENGTH;
        Polygon arrow = new Polygon(
                tip.x(), tip.y(),
                baseX - uy * ARROW_HALF_WIDTH, baseY + ux * ARROW_HALF_WIDTH,
                baseX + uy * ARROW_HALF_WIDTH, baseY - ux * ARROW_HALF_WIDTH);
        arrow.getStyleClass().add("edge-arrow");
        return arrow;
    }

    /** The point {@code distance} away from {@code from} in the direction of {@code to}. */
    private static Point toward(Point from, Point to, double distance) {
        double length = distance(from, to);
        if (length < 1e-6) {
            return from;
        }
        double t = Math.min(1, distance / length);
        return new Point(from.x() + (to.x() - from.x()) * t, from.y() + (to.y() - from.y()) * t);
    }

    private static double distance(Point a, Point b) {
        return Math.hypot(b.x() - a.x(), b.y() - a.y());
    }
}
