package org.jobdeck.ui.monitor;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.jobdeck.api.RunView;
import org.jobdeck.ui.util.TaskExecutor;

/**
 * Hands the feed's change batches to the UI thread. Batches that arrive while the UI thread is
 * busy are applied together, so a burst of changes costs the table one update, not one per batch.
 */
final class ChangeBatcher {
    private final TaskExecutor executor;
    private final Consumer<List<RunView>> apply;
    private final Object lock = new Object();
    private List<RunView> pending = new ArrayList<>();
    private boolean drainScheduled;

    /** @param apply what the UI thread does with the changes gathered since it last ran */
    ChangeBatcher(TaskExecutor executor, Consumer<List<RunView>> apply) {
        this.executor = executor;
        this.apply = apply;
    }

    /** On the feed's thread: queues the changes, and asks the UI thread to apply them unless it was asked already. */
    void arrived(List<RunView> changes) {
        synchronized (lock) {
            pending.addAll(changes);
            if (drainScheduled) {
                return;
            }
            drainScheduled = true;
        }
        executor.onUiThread(this::drain);
    }

    private void drain() {
        List<RunView> changes;
        synchronized (lock) {
            changes = pending;
            pending = new ArrayList<>();
            drainScheduled = false;
        }
        apply.accept(changes);
    }
}
