package org.jobdeck.ui.monitor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import org.jobdeck.api.RunStatus;
import org.jobdeck.api.RunView;

/**
 * Every run the monitor knows, as rows updated in place (by run id, newest version wins), and
 * the view of them the table shows: filtered by state, group, batch and text, and sorted. A
 * changed row moves in or out of the view, or to its new place, at once, or with
 * {@link #deferMoves(boolean) deferred moves} at the next {@link #applyPendingMoves()}.
 */
final class RunRows {
    static final String ALL = "all";
    static final String ACTIVE = "active";
    /** The default order, when no column is sorted. */
    static final Comparator<RunRow> NEWEST_FIRST = Comparator.comparingLong(RunRow::numericId).reversed();

    /** A row that a change updated, with its state before and after that change. */
    record Change(RunRow row, RunStatus before, RunStatus after) {
    }

    private final Map<String, RunRow> byId = new HashMap<>();
    // No extractor: a row's change reaches the table through its cells' own bindings, not as a
    // list change. A list change makes the table rebuild and restyle every visible row, and at
    // hundreds of changes per second that redrawing stalled the FX thread. The list hears of a
    // changed row only when the filter or the sort order may depend on what changed (see apply).
    private final ObservableList<RunRow> all = FXCollections.observableArrayList();
    private final FilteredList<RunRow> filtered = new FilteredList<>(all);
    private final SortedList<RunRow> sorted = new SortedList<>(filtered, NEWEST_FIRST);
    private final Set<RunRow> movesPending = new LinkedHashSet<>();
    private boolean deferMoves;

    // Properties
    private final StringProperty stateFilter = new SimpleStringProperty(ALL);
    private final StringProperty groupFilter = new SimpleStringProperty(ALL);
    private final StringProperty batchFilter = new SimpleStringProperty("");
    private final StringProperty textFilter = new SimpleStringProperty("");

    RunRows() {
        stateFilter.addListener((obs, old, now) -> refilter());
        groupFilter.addListener((obs, old, now) -> refilter());
        batchFilter.addListener((obs, old, now) -> refilter());
        textFilter.addListener((obs, old, now) -> refilter());
    }

    // Commands

    /**
     * Updates the rows of known runs in place and appends new runs.
     *
     * @return every update of a known row, in order (a run twice in the batch changes twice)
     */
    List<Change> apply(List<RunView> views) {
        List<RunRow> added = new ArrayList<>();
        List<Change> changes = new ArrayList<>();
        for (RunView view : views) {
            RunRow row = byId.get(view.jobRunId());
            if (row == null) {
                row = new RunRow(view);
                byId.put(row.id(), row);
                added.add(row);
                continue;
            }
            RunStatus before = row.stateProperty().get();
            if (row.update(view)) {
                changes.add(new Change(row, before, view.state()));
            }
        }
        // A row added by this batch goes into the list below with its newest values: it has no
        // place in the list to move from yet.
        List<RunRow> moved = changes.stream().map(Change::row).filter(row -> row.index() >= 0).toList();
        if (!moved.isEmpty() && orderOrFilterFollowsChanges()) {
            movesPending.addAll(moved);
            if (!deferMoves) {
                applyPendingMoves();
            }
        }
        if (!added.isEmpty()) {
            int index = all.size();
            for (RunRow row : added) {
                row.index(index++);
            }
            all.addAll(added);
        }
        return changes;
    }

    /** See {@link ActiveJobsViewModel#applyPendingMoves()}. */
    void applyPendingMoves() {
        for (RunRow row : movesPending) {
            all.set(row.index(), row); // re-filtered and re-sorted where it stands
        }
        movesPending.clear();
    }

    /** See {@link ActiveJobsViewModel#deferMoves(boolean)}. */
    void deferMoves(boolean defer) {
        this.deferMoves = defer;
        if (!defer) {
            applyPendingMoves();
        }
    }

    private void refilter() {
        movesPending.clear(); // the new predicate looks at every row
        String state = stateFilter.get();
        String group = groupFilter.get();
        String batch = batchFilter.get() == null ? "" : batchFilter.get().trim();
        String text = textFilter.get() == null ? "" : textFilter.get().trim().toLowerCase(Locale.ROOT);
        filtered.setPredicate(row -> matchesState(row, state)
                && (ALL.equals(group) || group == null || group.equals(row.group()))
                && (batch.isEmpty() || batch.equals(row.batchId()))
                && (text.isEmpty() || (row.id() + " " + row.jobName() + " " + row.whyProperty().get())
                        .toLowerCase(Locale.ROOT).contains(text)));
    }

    private static boolean matchesState(RunRow row, String choice) {
        return ALL.equals(choice) || choice == null || choice.equals(row.stateProperty().get().wireName())
                || (ACTIVE.equals(choice) && row.isActive());
    }

    /**
     * Whether a changed row can move or leave the view: a state or text filter is set (text
     * matches the why, which follows the state), or a column is sorted on.
     */
    private boolean orderOrFilterFollowsChanges() {
        String text = textFilter.get();
        return !ALL.equals(stateFilter.get()) || (text != null && !text.isBlank())
                || sorted.getComparator() != NEWEST_FIRST;
    }

    // Properties

    SortedList<RunRow> view() {
        return sorted;
    }

    int size() {
        return all.size();
    }

    RunRow row(String id) {
        return byId.get(id);
    }

    StringProperty stateFilterProperty() {
        return stateFilter;
    }

    StringProperty groupFilterProperty() {
        return groupFilter;
    }

    StringProperty batchFilterProperty() {
        return batchFilter;
    }

    StringProperty textFilterProperty() {
        return textFilter;
    }
}
