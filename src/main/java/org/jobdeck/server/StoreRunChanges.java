package org.jobdeck.server;

import java.util.ArrayList;
import java.util.List;
import org.jobdeck.api.RunView;
import org.jobdeck.client.EmbeddedJobsApi;
import org.jobdeck.queue.Run;
import org.jobdeck.queue.store.RunStore;

/**
 * {@link RunChanges} over the queue's store: positions are {@code updated_at} times (epoch ms of
 * this server's clock and of the writers'), read by a {@link ChangeCursor} with its overlap. The
 * only place the event streams touch the queue.
 */
final class StoreRunChanges implements RunChanges {
    private final EmbeddedJobsApi api;
    private final RunStore store;

    StoreRunChanges(EmbeddedJobsApi api) {
        this.api = api;
        this.store = api.store();
    }

    @Override
    public long head() {
        return store.now();
    }

    @Override
    public Reader readFrom(long position) {
        ChangeCursor cursor = new ChangeCursor(store, position);
        return limit -> {
            ChangeCursor.Poll poll = cursor.poll(limit);
            return new Page(changes(poll.runs()), poll.more());
        };
    }

    @Override
    public void onChange(Runnable wake) {
        store.onChange(wake);
    }

    private List<Change> changes(List<Run> runs) {
        if (runs.isEmpty()) {
            return List.of();
        }
        List<RunView> views = api.views(runs);
        List<Change> changes = new ArrayList<>(runs.size());
        for (int i = 0; i < runs.size(); i++) {
            changes.add(new Change(views.get(i), runs.get(i).updatedAt()));
        }
        return changes;
    }
}
