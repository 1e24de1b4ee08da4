package org.jobdeck.ui.graph;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import org.jobdeck.ui.graph.GraphLayout.Point;

/**
 * Explains the drawing: one swatch per group (in the model's legend order), then the edge and
 * node styles the model actually uses (cross-group, circular, member, dependency).
 */
final class GraphLegend extends FlowPane {
    GraphLegend() {
        setId("graph-legend");
        getStyleClass().add("graph-legend");
    }

    void show(GraphModel model) {
        getChildren().clear();
        List<String> groups = model.groups();
        for (String group : groups) {
            long jobs = model.nodes().stream().filter(n -> n.group().equals(group)).count();
            Region swatch = new Region();
            swatch.getStyleClass().addAll("legend-swatch", GroupPalette.styleClass(groups, group));
            Label label = entry(group, swatch, "legend-group");
            label.setTooltip(new Tooltip(jobs + (jobs == 1 ? " job" : " jobs") + " in " + group));
            getChildren().add(label);
        }
        HBox edges = section();
        if (!model.edges().isEmpty()) {
            edges.getChildren().add(entry("runs before", edgeSample(false, false), "legend-edge"));
        }
        if (model.edges().stream().anyMatch(GraphModel.Edge::crossGroup)) {
            edges.getChildren().add(entry("runs before, across groups", edgeSample(true, false), "legend-edge"));
        }
        if (model.edges().stream().anyMatch(GraphModel.Edge::inCycle)) {
            edges.getChildren().add(entry("circular dependency", edgeSample(false, true), "legend-cycle"));
        }
        HBox roles = section();
        if (model.nodes().stream().anyMatch(n -> n.role() != GraphModel.Role.PLAIN)) {
            roles.getChildren().addAll(
                    entry("selected (member)", nodeSample(GraphModel.Role.MEMBER), "legend-role"),
                    entry("pulled in (dependency)", nodeSample(GraphModel.Role.DEPENDENCY), "legend-role"));
        }
        for (HBox section : List.of(edges, roles)) {
            if (!section.getChildren().isEmpty()) {
                getChildren().add(section);
            }
        }
    }

    // Edge and node styles wrap as a unit, keeping their entries together and rows flush left.
    private static HBox section() {
        HBox section = new HBox();
        section.getStyleClass().add("legend-section");
        return section;
    }

    private static Label entry(String text, Node graphic, String styleClass) {
        Label label = new Label(text, graphic);
        label.getStyleClass().addAll("legend-entry", styleClass);
        return label;
    }

    private static Node edgeSample(boolean crossGroup, boolean cycle) {
        GraphModel.Edge edge = new GraphModel.Edge("", "", crossGroup, cycle);
        return new GraphEdgeView(edge, List.of(new Point(0, 6), new Point(34, 6)), "legend-edge-sample");
    }

    private static Node nodeSample(GraphModel.Role role) {
        Region sample = new Region();
        sample.getStyleClass().addAll("legend-node-sample", GraphNodeView.roleStyleClass(role));
        return sample;
    }
}
