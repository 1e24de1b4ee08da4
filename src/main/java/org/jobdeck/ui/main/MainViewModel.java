package org.jobdeck.ui.main;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.jobdeck.api.RunStatus;
import org.jobdeck.core.catalog.CatalogProblem;
import org.jobdeck.ui.connection.BackendOpener;
import org.jobdeck.ui.connection.ConnectionTarget;
import org.jobdeck.ui.util.TaskExecutor;
import org.jobdeck.ui.util.Throttler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The main window's state: the connection, the groups with counts, the jobs of the selected
 * group (filtered), the catalog's problems, and the run counts for the status bar.
 */
public final class MainViewModel implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MainViewModel.class);
    /** However many changes arrive, the counts are asked for at most about four times a second. */
    static final Duration COUNTS_PAUSE = Duration.ofMillis(250);

    private final TaskExecutor executor;
    private final BackendOpener opener;
    private final Throttler countQueries;

    // Properties
    private final ObjectProperty<BackendOpener.Connection> connection = new SimpleObjectProperty<>();
    private final StringProperty backend = new SimpleStringProperty("");
    private final StringProperty connectionState = new SimpleStringProperty("Not connected");
    private final BooleanProperty connecting = new SimpleBooleanProperty();
    private final ObservableList<GroupItem> groups = FXCollections.observableArrayList();
    private final ObjectProperty<GroupItem> selectedGroup = new SimpleObjectProperty<>();
    private final StringProperty filter = new SimpleStringProperty("");
    private final ObservableList<JobRow> jobs = FXCollections.observableArrayList();
    private final FilteredList<JobRow> visibleJobs = new FilteredList<>(jobs);
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    private final IntegerProperty running = new SimpleIntegerProperty();
    private final IntegerProperty queued = new SimpleIntegerProperty();
    private final IntegerProperty failed = new SimpleIntegerProperty();

    private AutoCloseable subscription;

    public MainViewModel(TaskExecutor executor, BackendOpener opener) {
        this.executor = executor;
        this.opener = opener;
        this.countQueries = executor.createThrottler(COUNTS_PAUSE);
        selectedGroup.addListener((obs, old, now) -> refilter());
        filter.addListener((obs, old, now) -> refilter());
    }

    // Commands

    /** Opens a backend in the background; the old one is closed once the new one is up. */
    public void connect(ConnectionTarget target) {
        connecting.set(true);
        connectionState.set("Connecting to " + target.label() + "…");
        executor.execute(() -> opener.open(target), this::connected, error -> {
            connecting.set(false);
            connectionState.set("Not connected: " + message(error));
        });
    }

    private void connected(BackendOpener.Connection opened) {
        disconnect(false);
        connecting.set(false);
        connection.set(opened);
        backend.set(opened.isUsable() ? opened.api().describe() : opened.target().label());
        problems.setAll(opened.catalog().problems().stream().map(CatalogProblem::message).toList());
        jobs.setAll(CatalogRows.rows(opened.catalog().validation()));
        List<GroupItem> items = CatalogRows.groups(opened.catalog().validation());
        groups.setAll(items);
        selectedGroup.set(items.get(items.size() - 1));
        if (!opened.isUsable()) {
            connectionState.set("Catalog invalid: " + problems.size() + " problem"
                    + (problems.size() == 1 ? "" : "s"));
            return;
        }
        connectionState.set("Connected");
        subscription = opened.api().subscribe(changes -> executor.onUiThread(this::refreshCounts));
        refreshCounts();
    }

    /**
     * Reloads the status bar counts. However many changes arrive, at most one query is in
     * flight, and one more follows it, a quarter second after, if changes came in meanwhile.
     */
    public void refreshCounts() {
        BackendOpener.Connection current = connection.get();
        if (current == null || !current.isUsable()) {
            return;
        }
        countQueries.submit(() -> current.api().counts(), this::countsLoaded, this::countsFailed);
    }

    private void countsLoaded(Map<String, Integer> counts) {
        running.set(counts.getOrDefault(RunStatus.RUNNING.wireName(), 0));
        queued.set(counts.getOrDefault(RunStatus.QUEUED.wireName(), 0));
        failed.set(counts.getOrDefault(RunStatus.FAILED.wireName(), 0));
        connectionState.set("Connected");
    }

    private void countsFailed(Throwable error) {
        connectionState.set("Connection problem: " + message(error));
    }

    private void refilter() {
        GroupItem group = selectedGroup.get();
        String text = filter.get();
        visibleJobs.setPredicate(row -> (group == null || group.isAll() || group.name().equals(row.group()))
                && row.matches(text));
    }

    /**
     * @param now close the old connection on this thread (at exit: workers hand their runs
     *            back before the JVM ends); otherwise in the background
     */
    private void disconnect(boolean now) {
        countQueries.cancel(); // the old backend's counts
        if (subscription != null) {
            try {
                subscription.close();
            } catch (Exception ignored) {
                // a failed unsubscribe leaves nothing to clean up
            }
            subscription = null;
        }
        BackendOpener.Connection old = connection.get();
        if (old != null && now) {
            old.close();
        } else if (old != null) {
            executor.execute(() -> {
                old.close();
                return null;
            }, done -> { }, error -> LOG.warn("Cannot close the previous connection to {}",
                    old.target().label(), error));
        }
    }

    @Override
    public void close() {
        disconnect(true);
        connection.set(null);
    }

    static String message(Throwable error) {
        Throwable cause = error;
        while (cause.getMessage() == null && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.toString() : cause.getMessage();
    }

    // Properties

    public ReadOnlyObjectProperty<BackendOpener.Connection> connectionProperty() {
        return connection;
    }

    public ReadOnlyStringProperty backendProperty() {
        return backend;
    }

    public ReadOnlyStringProperty connectionStateProperty() {
        return connectionState;
    }

    public ReadOnlyBooleanProperty connectingProperty() {
        return connecting;
    }

    public ObservableList<GroupItem> groups() {
        return groups;
    }

    public ObjectProperty<GroupItem> selectedGroupProperty() {
        return selectedGroup;
    }

    public StringProperty filterProperty() {
        return filter;
    }

    public ObservableList<JobRow> visibleJobs() {
        return visibleJobs;
    }

    public ObservableList<String> problems() {
        return problems;
    }

    public ReadOnlyIntegerProperty runningProperty() {
        return running;
    }

    public ReadOnlyIntegerProperty queuedProperty() {
        return queued;
    }

    public ReadOnlyIntegerProperty failedProperty() {
        return failed;
    }
}
