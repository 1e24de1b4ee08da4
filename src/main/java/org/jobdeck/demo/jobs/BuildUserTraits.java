package org.jobdeck.demo.jobs;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jobdeck.demo.DatasetInfo;
import org.jobdeck.demo.DemoDataset;
import org.jobdeck.demo.data.Vocabulary;
import org.jobdeck.demo.sql.BatchInsert;
import org.jobdeck.demo.sql.Jdbc;
import org.jobdeck.queue.handler.JobContext;
import org.jobdeck.queue.handler.PermanentJobFailure;

/**
 * build-user-traits: each user's five traits from their quiz answers. A trait is the mean of its
 * questions' answers mapped from 1..5 to -1..1 (reversed questions negated). Users without
 * answers get no traits. Params: batchSize, incremental (only users without traits), userId.
 */
public final class BuildUserTraits extends DemoJob {
    public BuildUserTraits(DemoDataset dataset) {
        super(dataset);
    }

    @Override
    public String name() {
        return "build-user-traits";
    }

    @Override
    protected void execute(JobContext context, DatasetInfo info) throws Exception {
        int batchSize = positive(context, "batchSize", 500);
        boolean incremental = context.booleanParam("incremental", false);
        Long only = userId(context);
        String summary = Jdbc.transaction(db(), connection -> {
            require(connection, "demo.quiz_answers", "No quiz answers in the demo dataset");
            if (only != null) {
                requireUser(connection, only);
            }
            Map<Integer, Integer> traitOf = new HashMap<>();
            Map<Integer, Boolean> reversed = new HashMap<>();
            Jdbc.forEach(connection, "SELECT id, trait, reversed FROM demo.quiz_questions", row -> {
                traitOf.put(row.getInt(1), Vocabulary.TRAITS.indexOf(row.getString(2)));
                reversed.put(row.getInt(1), row.getBoolean(3));
            });
            Map<Long, double[]> sums = new LinkedHashMap<>();
            Map<Long, int[]> counts = new HashMap<>();
            String where = only != null ? " WHERE a.user_id = ?"
                    : incremental ? " WHERE NOT EXISTS (SELECT 1 FROM demo.user_traits t WHERE t.user_id = a.user_id)" : "";
            Object[] args = only != null ? new Object[] {only} : new Object[0];
            Jdbc.forEach(connection, "SELECT a.user_id, a.question_id, a.answer FROM demo.quiz_answers a"
                    + where + " ORDER BY a.user_id, a.question_id", row -> {
                long user = row.getLong(1);
                int question = row.getInt(2);
                Integer trait = traitOf.get(question);
                if (trait == null || trait < 0) {
                    return;
                }
                double value = (row.getInt(3) - 3) / 2.0 * (reversed.get(question) ? -1 : 1);
                sums.computeIfAbsent(user, u -> new double[Vocabulary.TRAITS.size()])[trait] += value;
                counts.computeIfAbsent(user, u -> new int[Vocabulary.TRAITS.size()])[trait]++;
            }, args);
            if (only != null && sums.isEmpty()) {
                throw new PermanentJobFailure("User " + only + " answered no quiz question: no traits to build");
            }
            if (only != null) {
                Jdbc.update(connection, "DELETE FROM demo.user_traits WHERE user_id = ?", only);
            } else if (!incremental) {
                Jdbc.update(connection, "DELETE FROM demo.user_traits");
            }
            List<Long> users = new ArrayList<>(sums.keySet());
            long computedAt = now();
            try (BatchInsert insert = new BatchInsert(connection, "INSERT INTO demo.user_traits (user_id, "
                    + String.join(", ", Vocabulary.TRAITS) + ", answered, computed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (int i = 0; i < users.size(); i++) {
                    long user = users.get(i);
                    double[] sum = sums.get(user);
                    int[] count = counts.get(user);
                    Object[] values = new Object[8];
                    values[0] = user;
                    int answered = 0;
                    for (int t = 0; t < sum.length; t++) {
                        values[t + 1] = count[t] == 0 ? 0.0 : sum[t] / count[t];
                        answered += count[t];
                    }
                    values[6] = answered;
                    values[7] = computedAt;
                    insert.add(values);
                    if ((i + 1) % batchSize == 0 || i + 1 == users.size()) {
                        context.throwIfCancelled();
                        context.progress(i + 1, users.size(), "traits for " + (i + 1) + " of " + users.size() + " users");
                    }
                }
            }
            long without = only != null ? 0 : Jdbc.queryLong(connection, "SELECT COUNT(*) FROM demo.users u"
                    + " WHERE NOT EXISTS (SELECT 1 FROM demo.quiz_answers a WHERE a.user_id = u.id)");
            return users.size() + " users, " + Vocabulary.TRAITS.size() + " traits each"
                    + (incremental ? " (incremental)" : "") + (only != null ? " (user " + only + " only)" : "")
                    + ", " + without + " users without quiz answers";
        });
        summary(context, summary);
    }
}
