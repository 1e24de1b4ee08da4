package org.jobdeck.demo.jobs;

import java.sql.Connection;
import java.sql.SQLException;
import org.jobdeck.demo.DatasetInfo;
import org.jobdeck.demo.DemoDataset;
import org.jobdeck.demo.sql.BatchInsert;
import org.jobdeck.demo.sql.Jdbc;
import org.jobdeck.queue.handler.JobContext;
import org.jobdeck.queue.handler.PermanentJobFailure;

/**
 * match-scores: for each user with traits, the topK most similar others by the cosine of their
 * trait vectors, mapped to [0, 1]. Params: batchSize (users per progress step), topK, userId.
 */
public final class MatchScores extends DemoJob {
    public MatchScores(DemoDataset dataset) {
        super(dataset);
    }

    @Override
    public String name() {
        return "match-scores";
    }

    @Override
    protected void execute(JobContext context, DatasetInfo info) throws Exception {
        int batchSize = positive(context, "batchSize", 200);
        int topK = positive(context, "topK", 20);
        Long only = userId(context);
        String summary = Jdbc.transaction(db(), connection -> {
            require(connection, "demo.user_traits", NO_TRAITS);
            TraitVectors vectors = TraitVectors.load(connection);
            int[] targets = targets(connection, vectors, only);
            if (only != null) {
                Jdbc.update(connection, "DELETE FROM demo.match_scores WHERE user_id = ?", only);
            } else {
                Jdbc.update(connection, "DELETE FROM demo.match_scores");
            }
            long computedAt = now();
            TopK best = new TopK(topK);
            try (BatchInsert insert = new BatchInsert(connection, "INSERT INTO demo.match_scores"
                    + " (user_id, other_id, score, rank_no, computed_at) VALUES (?, ?, ?, ?, ?)")) {
                for (int k = 0; k < targets.length; k++) {
                    int a = targets[k];
                    best.clear();
                    for (int b = 0; b < vectors.size(); b++) {
                        if (b != a) {
                            best.offer(b, vectors.similarity(a, b));
                        }
                    }
                    for (int rank = 0; rank < best.size(); rank++) {
                        insert.add(vectors.userIds[a], vectors.userIds[best.candidate(rank)], best.score(rank),
                                rank + 1, computedAt);
                    }
                    if ((k + 1) % batchSize == 0 || k + 1 == targets.length) {
                        context.throwIfCancelled();
                        context.progress(k + 1, targets.length, "scored " + (k + 1) + " of " + targets.length + " users");
                    }
                }
                return targets.length + " users, " + insert.rows() + " scores, top " + topK + " each";
            }
        });
        summary(context, summary);
    }

    static int[] targets(Connection connection, TraitVectors vectors, Long only) throws SQLException {
        if (only == null) {
            int[] all = new int[vectors.size()];
            for (int i = 0; i < all.length; i++) {
                all[i] = i;
            }
            return all;
        }
        requireUser(connection, only);
        int index = vectors.indexOf(only);
        if (index < 0) {
            throw new PermanentJobFailure("No traits for user " + only + ": run build-user-traits first"
                    + " (a user without quiz answers has none)");
        }
        return new int[] {index};
    }
}
