package org.jobdeck.demo.jobs;

import java.util.ArrayList;
import java.util.List;
import org.jobdeck.demo.DatasetInfo;
import org.jobdeck.demo.DemoDataset;
import org.jobdeck.demo.sql.Jdbc;
import org.jobdeck.queue.handler.JobContext;
import org.jobdeck.queue.handler.PermanentJobFailure;

/**
 * feed-presort-cleanup: deletes feed segments created more than olderThanDays ago (by the
 * clock), user by user in batches of 100, each batch its own short transaction so that a
 * feed-presort running at the same time is not held up for long.
 */
public final class FeedPresortCleanup extends DemoJob {
    static final int USERS_PER_BATCH = 100;
    static final long DAY = 86_400_000L;

    public FeedPresortCleanup(DemoDataset dataset) {
        super(dataset);
    }

    @Override
    public String name() {
        return "feed-presort-cleanup";
    }

    @Override
    protected void execute(JobContext context, DatasetInfo info) throws Exception {
        int olderThanDays = context.intParam("olderThanDays", 7);
        if (olderThanDays < 0) {
            throw new PermanentJobFailure("olderThanDays must not be negative, got " + olderThanDays);
        }
        long cutoff = now() - olderThanDays * DAY;
        List<Long> users = Jdbc.transaction(db(), connection -> {
            List<Long> found = new ArrayList<>();
            Jdbc.forEach(connection, "SELECT DISTINCT user_id FROM demo.feed_segments WHERE created_at < ? ORDER BY user_id",
                    row -> found.add(row.getLong(1)), cutoff);
            return found;
        });
        long deleted = 0;
        for (int from = 0; from < users.size(); from += USERS_PER_BATCH) {
            List<Long> batch = users.subList(from, Math.min(users.size(), from + USERS_PER_BATCH));
            String in = String.join(",", batch.stream().map(id -> "?").toList());
            Object[] args = new Object[batch.size() + 1];
            args[0] = cutoff;
            for (int i = 0; i < batch.size(); i++) {
                args[i + 1] = batch.get(i);
            }
            deleted += Jdbc.transaction(db(), connection -> Jdbc.update(connection,
                    "DELETE FROM demo.feed_segments WHERE created_at < ? AND user_id IN (" + in + ")", args));
            context.throwIfCancelled();
            int done = from + batch.size();
            context.progress(done, users.size(), "cleaned " + done + " of " + users.size() + " users");
        }
        if (users.isEmpty()) {
            context.progress(0, 0, "nothing older than " + olderThanDays + " days");
        }
        summary(context, "deleted " + deleted + " presorted rows of " + users.size() + " users, older than "
                + olderThanDays + " days");
    }
}
