package org.jobdeck.ui.monitor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import org.jobdeck.api.JobsApi;
import org.jobdeck.api.RunDetail;
import org.jobdeck.api.RunFilter;
import org.jobdeck.api.RunStatus;
import org.jobdeck.api.RunView;
import org.jobdeck.ui.util.TaskExecutor;

/**
 * The Active Jobs monitor's state. It loads the newest runs once, then applies the backend's
 * change batches to rows in place (by run id, newest version wins); it never reloads the list.
 */
public final class ActiveJobsViewModel implements AutoCloseable {
    public static final String ALL = "all";
    /** The state filter's choice for every run that is not settled yet. */
    public static final String ACTIVE = "active";
    static final int INITIAL_RUNS = 10_000;
    static final int LOG_LINES = 200;

    private final JobsApi api;
    private final TaskExecutor executor;
    private final Map<String, RunRow> byId = new HashMap<>();
    /** The default order, when no column is sorted. */
    public static final Comparator<RunRow> NEWEST_FIRST = Comparator.comparingLong(RunRow::numericId).reversed();

    // No extractor: a row's change reaches the table through its cells' own bindings, not as a
    // list change. A list change makes the table rebuild and restyle every visible row, and at
    // hundreds of changes per second that redrawing stalled the FX thread. The list hears of a
    // changed row only when the filter or the sort order may depend on what changed (see apply).
    private final ObservableList<RunRow> rows = FXCollections.observableArrayList();
    private final FilteredList<RunRow> filtered = new FilteredList<>(rows);
    private final SortedList<RunRow> sorted = new SortedList<>(filtered, NEWEST_FIRST);
    private AutoCloseable subscription;
    private final Object pendingLock = new Object();
    private List<RunView> pending = new ArrayList<>();
    private boolean drainScheduled;
    private final java.util.Set<RunRow> movesPending = new java.util.LinkedHashSet<>();
    private boolean deferMoves;
    private boolean detailInFlight;
    private boolean detailDirty;
    private Consumer<RunRow> onFailure = row -> { };

    // Properties
    private final StringProperty stateFilter = new SimpleStringProperty(ALL);
    private final StringProperty groupFilter = new SimpleStringProperty(ALL);
    private final StringProperty batchFilter = new SimpleStringProperty("");
    private final StringProperty textFilter = new SimpleStringProperty("");
    private final ObjectProperty<RunRow> selected = new SimpleObjectProperty<>();
    private final ObservableList<String> log = FXCollections.observableArrayList();
    private final StringProperty status = new SimpleStringProperty("");
    private final ObservableList<String> groups = FXCollections.observableArrayList(ALL);

    public ActiveJobsViewModel(JobsApi api, TaskExecutor executor) {
        this.api = api;
        this.executor = executor;
        stateFilter.addListener((obs, old, now) -> refilter());
        groupFilter.addListener((obs, old, now) -> refilter());
        batchFilter.addListener((obs, old, now) -> refilter());
        textFilter.addListener((obs, old, now) -> refilter());
        selected.addListener((obs, old, now) -> {
            log.clear();
            loadDetail();
        });
    }

    // Commands

    /** Loads the newest runs, then follows changes. */
    public void start() {
        status.set("Loading runs…");
        executor.execute(api::catalog, catalog -> catalog.groups().forEach(group -> groups.add(group.name())),
                error -> status.set("Cannot load the groups: " + error.getMessage()));
        subscription = api.subscribe(this::arrived);
        executor.execute(() -> api.runs(RunFilter.latest(INITIAL_RUNS)), initial -> {
            apply(initial, false);
            status.set(rows.size() + " runs");
        }, error -> status.set("Cannot load runs: " + error.getMessage()));
    }

    /**
     * On the feed's thread: queues the changes, and asks the UI thread to apply them unless it was
     * asked already. Batches that arrive while the UI thread is busy are applied together, so a
     * burst of changes costs the table one update, not one per batch.
     */
    private void arrived(List<RunView> changes) {
        synchronized (pendingLock) {
            pending.addAll(changes);
            if (drainScheduled) {
                return;
            }
            drainScheduled = true;
        }
        executor.onUiThread(this::drainPending);
    }

    private void drainPending() {
        List<RunView> changes;
        synchronized (pendingLock) {
            changes = pending;
            pending = new ArrayList<>();
            drainScheduled = false;
        }
        apply(changes);
    }

    /** Applies a batch of changes: updates rows in place, adds new runs. */
    public void apply(List<RunView> changes) {
        apply(changes, true);
    }

    private void apply(List<RunView> changes, boolean live) {
        List<RunRow> added = new ArrayList<>();
        java.util.Set<RunRow> changed = new java.util.LinkedHashSet<>();
        boolean selectedChanged = false;
        for (RunView view : changes) {
            RunRow row = byId.get(view.jobRunId());
            if (row == null) {
                row = new RunRow(view);
                byId.put(row.id(), row);
                added.add(row);
                continue;
            }
            RunStatus before = row.stateProperty().get();
            if (row.update(view)) {
                changed.add(row);
                selectedChanged |= row == selected.get();
                if (live && view.state() == RunStatus.FAILED && before != RunStatus.FAILED) {
                    onFailure.accept(row);
                }
            }
        }
        if (!changed.isEmpty() && orderOrFilterFollowsChanges()) {
            movesPending.addAll(changed);
            if (!deferMoves) {
                applyPendingMoves();
            }
        }
        if (!added.isEmpty()) {
            int index = rows.size();
            for (RunRow row : added) {
                row.index(index++);
            }
            rows.addAll(added);
        }
        if (selectedChanged) {
            loadDetail();
        }
    }

    public void cancelSelected() {
        RunRow row = selected.get();
        if (row == null) {
            return;
        }
        status.set("Cancelling run " + row.id() + "…");
        executor.execute(() -> api.cancel(row.id()), view -> {
            apply(List.of(view));
            status.set("Run " + row.id() + " (" + row.jobName() + "): "
                    + (view.state() == RunStatus.RUNNING ? "cancel requested; it stops when its handler notices"
                    : view.state().wireName()));
        }, error -> status.set("Cannot cancel run " + row.id() + ": " + error.getMessage()));
    }

    public void retrySelected() {
        RunRow row = selected.get();
        if (row == null) {
            return;
        }
        status.set("Retrying run " + row.id() + "…");
        executor.execute(() -> api.retry(row.id()), views -> {
            apply(views);
            status.set("Run " + row.id() + " (" + row.jobName() + ") retried"
                    + (views.size() > 1 ? "; " + (views.size() - 1) + " downstream run(s) waiting again" : ""));
        }, error -> status.set("Cannot retry run " + row.id() + ": " + error.getMessage()));
    }

    /** Loads the selected run's log tail; at most one request in flight. */
    private void loadDetail() {
        RunRow row = selected.get();
        if (row == null) {
            return;
        }
        if (detailInFlight) {
            detailDirty = true;
            return;
        }
        detailInFlight = true;
        executor.execute(() -> api.run(row.id(), LOG_LINES), detail -> {
            detailInFlight = false;
            if (selected.get() == row) {
                showDetail(detail);
            }
            if (detailDirty) {
                detailDirty = false;
                loadDetail();
            }
        }, error -> {
            detailInFlight = false;
            status.set("Cannot load run " + row.id() + ": " + error.getMessage());
        });
    }

    private void showDetail(RunDetail detail) {
        apply(List.of(detail.run()), true);
        log.setAll(detail.log().stream().map(RunDetail.LogLine::line).toList());
    }

    private void refilter() {
        movesPending.clear(); // the new predicate looks at every row
        String state = stateFilter.get();
        String group = groupFilter.get();
        String batch = batchFilter.get() == null ? "" : batchFilter.get().trim();
        String text = textFilter.get() == null ? "" : textFilter.get().trim().toLowerCase(Locale.ROOT);
        filtered.setPredicate(row -> (ALL.equals(state) || state == null || state.equals(row.stateProperty().get().wireName())
                || (ACTIVE.equals(state) && row.isActive()))
                && (ALL.equals(group) || group == null || group.equals(row.group()))
                && (batch.isEmpty() || batch.equals(row.batchId()))
                && (text.isEmpty() || (row.id() + " " + row.jobName() + " " + row.whyProperty().get())
                        .toLowerCase(Locale.ROOT).contains(text)));
    }

    /**
     * Moves the rows that changed since the last call to where the filter and the sort order now
     * put them. With {@link #deferMoves(boolean) deferred moves}, the window calls this a few
     * times a second: each call makes the table rebuild its rows once, however many changed.
     */
    public void applyPendingMoves() {
        for (RunRow row : movesPending) {
            rows.set(row.index(), row); // re-filtered and re-sorted where it stands
        }
        movesPending.clear();
    }

    /**
     * When true, a changed row shows its new values at once (its cells are bound to it) but moves
     * in or out of a filtered or sorted view only at the next {@link #applyPendingMoves()}: at
     * hundreds of changes a second, moving rows one batch at a time kept the table rebuilding.
     */
    public void deferMoves(boolean defer) {
        this.deferMoves = defer;
        if (!defer) {
            applyPendingMoves();
        }
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

    public void setOnFailure(Consumer<RunRow> listener) {
        this.onFailure = listener;
    }

    @Override
    public void close() {
        if (subscription != null) {
            try {
                subscription.close();
            } catch (Exception ignored) {
                // nothing more to release
            }
        }
    }

    // Properties

    /** Every run shown, newest first, filtered. */
    public SortedList<RunRow> rows() {
        return sorted;
    }

    public int totalRows() {
        return rows.size();
    }

    public RunRow row(String id) {
        return byId.get(id);
    }

    public StringProperty stateFilterProperty() {
        return stateFilter;
    }

    public StringProperty groupFilterProperty() {
        return groupFilter;
    }

    public StringProperty batchFilterProperty() {
        return batchFilter;
    }

    public StringProperty textFilterProperty() {
        return textFilter;
    }

    public ObjectProperty<RunRow> selectedProperty() {
        return selected;
    }

    public ObservableList<String> log() {
        return log;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status;
    }

    public ObservableList<String> groups() {
        return groups;
    }

    /** State filter choices: all, active, and each state. */
    public static List<String> stateChoices() {
        return Stream.concat(Stream.of(ALL, ACTIVE), Arrays.stream(RunStatus.values()).map(RunStatus::wireName)).toList();
    }
}
