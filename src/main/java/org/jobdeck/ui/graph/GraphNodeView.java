package org.jobdeck.ui.graph;

import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.util.Duration;

/**
 * One job: a label coloured by its group. Its id is {@code graph-node-<job>} and its user data
 * the job name; its state shows as pseudo-classes (:selected, :upstream, :downstream, :dimmed).
 */
final class GraphNodeView extends Label {
    static final String ID_PREFIX = "graph-node-";
    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    private static final PseudoClass UPSTREAM = PseudoClass.getPseudoClass("upstream");
    private static final PseudoClass DOWNSTREAM = PseudoClass.getPseudoClass("downstream");
    private static final PseudoClass DIMMED = PseudoClass.getPseudoClass("dimmed");

    private final GraphModel.Node node;

    GraphNodeView(GraphModel.Node node, String groupStyleClass) {
        super(node.id());
        this.node = node;
        setId(ID_PREFIX + node.id());
        setUserData(node.id());
        getStyleClass().addAll("graph-node", groupStyleClass, roleStyleClass(node.role()));
        setTooltip(tooltip(node));
    }

    static String roleStyleClass(GraphModel.Role role) {
        return switch (role) {
            case PLAIN -> "plain";
            case MEMBER -> "member";
            case DEPENDENCY -> "dependency";
        };
    }

    private static Tooltip tooltip(GraphModel.Node node) {
        String role = switch (node.role()) {
            case PLAIN -> "";
            case MEMBER -> " · member";
            case DEPENDENCY -> " · pulled in as a dependency";
        };
        String text = node.id() + "\n" + "group " + node.group() + role
                + (node.description() == null || node.description().isBlank() ? "" : "\n" + node.description());
        Tooltip tooltip = new Tooltip(text);
        tooltip.setShowDelay(Duration.millis(400));
        return tooltip;
    }

    GraphModel.Node node() {
        return node;
    }

    void highlight(GraphHighlight highlight) {
        String id = node.id();
        pseudoClassStateChanged(SELECTED, highlight.isSelected(id));
        pseudoClassStateChanged(UPSTREAM, highlight.isUpstream(id));
        pseudoClassStateChanged(DOWNSTREAM, highlight.isDownstream(id));
        pseudoClassStateChanged(DIMMED, highlight.isDimmed(id));
    }
}
