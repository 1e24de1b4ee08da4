package org.jobdeck.server;

import org.jobdeck.api.JobsApi;
import org.jobdeck.api.RunChangePage;

/** {@link RunChanges} over any {@link JobsApi}: the server knows the port, never the queue behind it. */
final class ApiRunChanges implements RunChanges {
    private final JobsApi api;

    ApiRunChanges(JobsApi api) {
        this.api = api;
    }

    @Override
    public String head() {
        return api.changes(null, 1).position();
    }

    @Override
    public Page read(String position, int limit) {
        return read(position, null, limit);
    }

    @Override
    public Page read(String position, String upTo, int limit) {
        RunChangePage page = api.changes(position, upTo, limit);
        return new Page(page.runs(), page.position(), page.more());
    }

    @Override
    public void onChange(Runnable wake) {
        api.onChange(wake); // for the server's life: the backend outlives the streams
    }
}
