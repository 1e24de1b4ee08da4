package org.jobdeck.queue.store;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Who hears that runs changed: this process's listeners after each commit through the store, and
 * (on PostgreSQL, through {@link Database}) other processes' commits. A wake-up to look again, not
 * a description of the change.
 */
final class ChangeSignals {
    private final Database database;
    private final List<Runnable> changeListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<String>> cancelListeners = new CopyOnWriteArrayList<>();

    ChangeSignals(Database database) {
        this.database = database;
    }

    void onChange(Runnable listener) {
        changeListeners.add(listener);
        database.onRemoteChange(listener);
    }

    void onCancelRequested(Consumer<String> listener) {
        cancelListeners.add(listener);
        database.onRemoteCancel(listener);
    }

    void changed() {
        changeListeners.forEach(Runnable::run);
    }

    void cancelRequested(String runId) {
        cancelListeners.forEach(listener -> listener.accept(runId));
    }
}
