package org.jobdeck.ui.monitor;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.SortedList;
import org.jobdeck.api.JobsApi;
import org.jobdeck.api.RunFilter;
import org.jobdeck.api.RunStatus;
import org.jobdeck.api.RunView;
import org.jobdeck.ui.util.TaskExecutor;

/**
 * The Active Jobs monitor's state. It loads the newest runs once, then applies the backend's
 * change batches to rows in place (by run id, newest version wins); it never reloads the list.
 * Its parts: {@link ChangeBatcher} brings the feed's batches to the UI thread, {@link RunRows}
 * keeps the rows and the filtered, sorted view of them, and {@link RunDetailLoader} the selected
 * run's log. What an operator may do with the selected run is decided here, as bindings.
 */
public final class ActiveJobsViewModel implements AutoCloseable {
    public static final String ALL = RunRows.ALL;
    /** The state filter's choice for every run that is not settled yet. */
    public static final String ACTIVE = RunRows.ACTIVE;
    /** The default order, when no column is sorted. */
    public static final Comparator<RunRow> NEWEST_FIRST = RunRows.NEWEST_FIRST;
    static final int INITIAL_RUNS = 10_000;

    private final JobsApi api;
    private final TaskExecutor executor;
    private final RunRows rows = new RunRows();
    private final ChangeBatcher batcher;
    private final RunDetailLoader detail;
    private AutoCloseable subscription;
    private Consumer<RunRow> onFailure = row -> { };

    // Properties
    private final ObjectProperty<RunRow> selected = new SimpleObjectProperty<>();
    /** The selected row's state, followed as it changes; null without a selection. */
    private final ObjectProperty<RunStatus> selectedState = new SimpleObjectProperty<>();
    private final ReadOnlyBooleanWrapper canCancel = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canRetry = new ReadOnlyBooleanWrapper();
    private final StringProperty status = new SimpleStringProperty("");
    private final ObservableList<String> groups = FXCollections.observableArrayList(ALL);

    public ActiveJobsViewModel(JobsApi api, TaskExecutor executor) {
        this.api = api;
        this.executor = executor;
        this.batcher = new ChangeBatcher(executor, this::apply);
        this.detail = new RunDetailLoader(api, executor, run -> apply(List.of(run)), status::set);
        canCancel.bind(Bindings.createBooleanBinding(
                () -> selectedState.get() != null && selectedState.get().canCancel(), selectedState));
        canRetry.bind(Bindings.createBooleanBinding(
                () -> selectedState.get() != null && selectedState.get().canRetry(), selectedState));
        selected.addListener((obs, old, row) -> {
            selectedState.unbind();
            if (row == null) {
                selectedState.set(null);
            } else {
                selectedState.bind(row.stateProperty());
            }
            detail.select(row);
        });
    }

    // Commands

    /** Loads the newest runs, then follows changes. */
    public void start() {
        status.set("Loading runs…");
        executor.execute(api::catalog, catalog -> catalog.groups().forEach(group -> groups.add(group.name())),
                error -> status.set("Cannot load the groups: " + error.getMessage()));
        subscription = api.subscribe(batcher::arrived);
        executor.execute(() -> api.runs(RunFilter.latest(INITIAL_RUNS)), initial -> {
            apply(initial, false);
            status.set(rows.size() + " runs");
        }, error -> status.set("Cannot load runs: " + error.getMessage()));
    }

    /** Applies a batch of changes: updates rows in place, adds new runs. */
    public void apply(List<RunView> changes) {
        apply(changes, true);
    }

    /** @param live changes as they happen (a failure among them is announced), not the initial load */
    private void apply(List<RunView> changes, boolean live) {
        boolean selectedChanged = false;
        for (RunRows.Change change : rows.apply(changes)) {
            selectedChanged |= change.row() == selected.get();
            if (live && change.after() == RunStatus.FAILED && change.before() != RunStatus.FAILED) {
                onFailure.accept(change.row());
            }
        }
        if (selectedChanged) {
            detail.reload();
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

    /**
     * Moves the rows that changed since the last call to where the filter and the sort order now
     * put them. With {@link #deferMoves(boolean) deferred moves}, the window calls this a few
     * times a second: each call makes the table rebuild its rows once, however many changed.
     */
    public void applyPendingMoves() {
        rows.applyPendingMoves();
    }

    /**
     * When true, a changed row shows its new values at once (its cells are bound to it) but moves
     * in or out of a filtered or sorted view only at the next {@link #applyPendingMoves()}: at
     * hundreds of changes a second, moving rows one batch at a time kept the table rebuilding.
     */
    public void deferMoves(boolean defer) {
        rows.deferMoves(defer);
    }

    public void setOnFailure(Consumer<RunRow> listener) {
        this.onFailure = listener;
    }

    @Override
    public void close() {
        detail.close();
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
        return rows.view();
    }

    public int totalRows() {
        return rows.size();
    }

    public RunRow row(String id) {
        return rows.row(id);
    }

    public StringProperty stateFilterProperty() {
        return rows.stateFilterProperty();
    }

    public StringProperty groupFilterProperty() {
        return rows.groupFilterProperty();
    }

    public StringProperty batchFilterProperty() {
        return rows.batchFilterProperty();
    }

    public StringProperty textFilterProperty() {
        return rows.textFilterProperty();
    }

    public ObjectProperty<RunRow> selectedProperty() {
        return selected;
    }

    /** True while the selected run can be cancelled: it is active, or blocked. */
    public ReadOnlyBooleanProperty canCancelProperty() {
        return canCancel.getReadOnlyProperty();
    }

    /** True while the selected run can be retried: it failed, or was cancelled. */
    public ReadOnlyBooleanProperty canRetryProperty() {
        return canRetry.getReadOnlyProperty();
    }

    /** The selected run's newest log lines, oldest first. */
    public ObservableList<String> log() {
        return detail.log();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status;
    }

    public ObservableList<String> groups() {
        return groups;
    }

    /** State filter choices: all, active, and each state. */
    public static List<String> stateChoices() {
        return Stream.concat(Stream.of(ALL, ACTIVE), Arrays.stream(RunStatus.values()).map(RunStatus::wireName))
                .toList();
    }
}
