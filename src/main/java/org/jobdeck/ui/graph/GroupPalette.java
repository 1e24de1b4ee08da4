package org.jobdeck.ui.graph;

import java.util.List;

/**
 * The fixed group colours: group i of the legend order gets style class {@code graph-group-<i>}
 * (cycling past {@link #SIZE}). The colours themselves live in graph.css, chosen to read well
 * on Primer Light and Dark and to stay clear of the danger red used for cycles.
 */
final class GroupPalette {
    static final int SIZE = 8;

    private GroupPalette() {
    }

    static String styleClass(int groupIndex) {
        return "graph-group-" + Math.floorMod(groupIndex, SIZE);
    }

    static String styleClass(List<String> groups, String group) {
        return styleClass(Math.max(0, groups.indexOf(group)));
    }
}
