package org.jobdeck.ui.monitor;

import java.time.Duration;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.jobdeck.api.JobsApi;
import org.jobdeck.api.RunDetail;
import org.jobdeck.api.RunView;
import org.jobdeck.ui.util.TaskExecutor;
import org.jobdeck.ui.util.Throttler;

/**
 * The selected run's detail: its newest snapshot and the tail of its log, loaded when a run is
 * selected and again whenever it changes. One load is in flight at a time; a new selection gives
 * up the load of the old one, so it shows at once.
 */
final class RunDetailLoader {
    static final int LOG_LINES = 200;
    /** A run that changes all the time (a running one that reports progress) reloads about four times a second. */
    static final Duration RELOAD_PAUSE = Duration.ofMillis(250);

    private final JobsApi api;
    private final Throttler loads;
    private final Consumer<RunView> onRun;
    private final Consumer<String> onProblem;
    private final ObservableList<String> log = FXCollections.observableArrayList();
    private RunRow shown;

    /**
     * @param onRun     takes each loaded snapshot of the run (the rows apply it)
     * @param onProblem takes a line saying why a load failed
     */
    RunDetailLoader(JobsApi api, TaskExecutor executor, Consumer<RunView> onRun, Consumer<String> onProblem) {
        this.api = api;
        this.loads = executor.createThrottler(RELOAD_PAUSE);
        this.onRun = onRun;
        this.onProblem = onProblem;
    }

    /** Shows {@code row} (or nothing, for null): the log starts empty until its load arrives. */
    void select(RunRow row) {
        loads.cancel();
        shown = row;
        log.clear();
        reload();
    }

    /** Loads the shown run again: it changed. */
    void reload() {
        RunRow row = shown;
        if (row == null) {
            return;
        }
        loads.submit(() -> api.run(row.id(), LOG_LINES), detail -> {
            if (shown == row) {
                onRun.accept(detail.run());
                log.setAll(detail.log().stream().map(RunDetail.LogLine::line).toList());
            }
        }, error -> onProblem.accept("Cannot load run " + row.id() + ": " + error.getMessage()));
    }

    /** The shown run's newest log lines, oldest first. */
    ObservableList<String> log() {
        return log;
    }

    void close() {
        loads.cancel();
    }
}
