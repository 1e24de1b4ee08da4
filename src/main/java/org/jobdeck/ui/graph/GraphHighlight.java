package org.jobdeck.ui.graph;

import java.util.Set;

/**
 * What a selection lights up: the selected job, everything it needs (upstream) and everything
 * that needs it (downstream). The rest of the graph is dimmed. On a cycle a job can be both.
 *
 * @param selected the selected job, or null when nothing is selected (nothing dimmed)
 */
record GraphHighlight(String selected, Set<String> upstream, Set<String> downstream) {
    static final GraphHighlight NONE = new GraphHighlight(null, Set.of(), Set.of());

    GraphHighlight {
        upstream = Set.copyOf(upstream);
        downstream = Set.copyOf(downstream);
    }

    /** The highlight for {@code selected}; {@link #NONE} for null or a job not in the model. */
    static GraphHighlight of(GraphModel model, String selected) {
        if (selected == null || model.nodes().stream().noneMatch(n -> n.id().equals(selected))) {
            return NONE;
        }
        return new GraphHighlight(selected, model.upstreamOf(selected), model.downstreamOf(selected));
    }

    boolean active() {
        return selected != null;
    }

    boolean isSelected(String id) {
        return id.equals(selected);
    }

    boolean isUpstream(String id) {
        return upstream.contains(id);
    }

    boolean isDownstream(String id) {
        return downstream.contains(id);
    }

    /** Dimmed: a selection is active and the job is on none of its paths. */
    boolean isDimmed(String id) {
        return active() && !isSelected(id) && !isUpstream(id) && !isDownstream(id);
    }

    /**
     * An edge is lit when it lies on a path into or out of the selection: both ends upstream
     * (or the selection), or both ends downstream (or the selection).
     */
    boolean lights(GraphModel.Edge edge) {
        if (!active()) {
            return false;
        }
        boolean intoSelection = (isUpstream(edge.from()) || isSelected(edge.from()))
                && (isUpstream(edge.to()) || isSelected(edge.to()));
        boolean outOfSelection = (isDownstream(edge.from()) || isSelected(edge.from()))
                && (isDownstream(edge.to()) || isSelected(edge.to()));
        return intoSelection || outOfSelection;
    }
}
