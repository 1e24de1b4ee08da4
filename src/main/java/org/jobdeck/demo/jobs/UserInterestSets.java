package org.jobdeck.demo.jobs;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jobdeck.demo.DatasetInfo;
import org.jobdeck.demo.DemoDataset;
import org.jobdeck.demo.sql.BatchInsert;
import org.jobdeck.demo.sql.Jdbc;
import org.jobdeck.queue.handler.JobContext;

/**
 * user-interest-sets: the set of interests of each user as one row (ids ascending, and names),
 * for search filters. Users without interests get an empty set. Params: batchSize, userId.
 */
public final class UserInterestSets extends DemoJob {
    public UserInterestSets(DemoDataset dataset) {
        super(dataset);
    }

    @Override
    public String name() {
        return "user-interest-sets";
    }

    @Override
    protected void execute(JobContext context, DatasetInfo info) throws Exception {
        int batchSize = positive(context, "batchSize", 500);
        Long only = userId(context);
        String summary = Jdbc.transaction(db(), connection -> {
            require(connection, "demo.user_interests", "No user interests in the demo dataset");
            if (only != null) {
                requireUser(connection, only);
            }
            Map<Long, List<String[]>> sets = new TreeMap<>();
            String userFilter = only != null ? " WHERE u.id = ?" : "";
            Object[] args = only != null ? new Object[] {only} : new Object[0];
            Jdbc.forEach(connection, "SELECT u.id FROM demo.users u" + userFilter,
                    row -> sets.put(row.getLong(1), new ArrayList<>()), args);
            Jdbc.forEach(connection, "SELECT u.id, i.id, i.name FROM demo.users u"
                    + " JOIN demo.user_interests ui ON ui.user_id = u.id JOIN demo.interests i ON i.id = ui.interest_id"
                    + userFilter + " ORDER BY u.id, i.id",
                    row -> sets.get(row.getLong(1)).add(new String[] {row.getString(2), row.getString(3)}), args);
            context.throwIfCancelled();
            if (only != null) {
                Jdbc.update(connection, "DELETE FROM demo.user_interest_sets WHERE user_id = ?", only);
            } else {
                Jdbc.update(connection, "DELETE FROM demo.user_interest_sets");
            }
            long computedAt = now();
            long memberships = 0;
            int done = 0;
            try (BatchInsert insert = new BatchInsert(connection, "INSERT INTO demo.user_interest_sets"
                    + " (user_id, interest_count, interest_ids, interest_names, computed_at) VALUES (?, ?, ?, ?, ?)")) {
                for (Map.Entry<Long, List<String[]>> set : sets.entrySet()) {
                    List<String> ids = set.getValue().stream().map(pair -> pair[0]).toList();
                    List<String> names = set.getValue().stream().map(pair -> pair[1]).toList();
                    insert.add(set.getKey(), ids.size(), String.join(",", ids), String.join(",", names), computedAt);
                    memberships += ids.size();
                    if (++done % batchSize == 0 || done == sets.size()) {
                        context.throwIfCancelled();
                        context.progress(done, sets.size(), "sets of " + done + " of " + sets.size() + " users");
                    }
                }
            }
            return sets.size() + " users" + (only != null ? " (user " + only + " only)" : "") + ", " + memberships
                    + " interests, " + String.format(Locale.ROOT, "%.1f", sets.isEmpty() ? 0.0 : (double) memberships / sets.size())
                    + " per user";
        });
        summary(context, summary);
    }
}
