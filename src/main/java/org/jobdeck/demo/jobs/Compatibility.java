package org.jobdeck.demo.jobs;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import org.jobdeck.demo.DatasetInfo;
import org.jobdeck.demo.DemoDataset;
import org.jobdeck.demo.sql.BatchInsert;
import org.jobdeck.demo.sql.Jdbc;
import org.jobdeck.queue.handler.JobContext;

/**
 * compatibility: for each user with traits, the topK others by
 * {@code 0.5 traits + 0.3 shared interests + 0.2 mutual preferences}, each part in [0, 1]:
 * trait similarity as in match-scores, the Jaccard index of the two interest sets, and the share
 * of the four preference checks that pass (each one's age within the other's preferred range,
 * each one's region what the other prefers, or no preference). The score is symmetric.
 * Params: batchSize, topK, userId.
 */
public final class Compatibility extends DemoJob {
    static final double TRAITS_WEIGHT = 0.5;
    static final double INTERESTS_WEIGHT = 0.3;
    static final double PREFERENCES_WEIGHT = 0.2;

    public Compatibility(DemoDataset dataset) {
        super(dataset);
    }

    @Override
    public String name() {
        return "compatibility";
    }

    /** What compatibility needs of each user with traits, by trait-vector position. */
    private record Profiles(long[][] interestBits, int[] age, int[] prefMin, int[] prefMax, String[] region,
                            String[] prefRegion) {
    }

    @Override
    protected void execute(JobContext context, DatasetInfo info) throws Exception {
        int batchSize = positive(context, "batchSize", 200);
        int topK = positive(context, "topK", 20);
        Long only = userId(context);
        String summary = Jdbc.transaction(db(), connection -> {
            require(connection, "demo.user_traits", NO_TRAITS);
            TraitVectors vectors = TraitVectors.load(connection);
            int[] targets = MatchScores.targets(connection, vectors, only);
            Profiles profiles = profiles(connection, vectors);
            if (only != null) {
                Jdbc.update(connection, "DELETE FROM demo.compatibility_scores WHERE user_id = ?", only);
            } else {
                Jdbc.update(connection, "DELETE FROM demo.compatibility_scores");
            }
            int n = vectors.size();
            double[] traitsPart = new double[n];
            double[] interestsPart = new double[n];
            double[] preferencesPart = new double[n];
            long computedAt = now();
            TopK best = new TopK(topK);
            try (BatchInsert insert = new BatchInsert(connection, "INSERT INTO demo.compatibility_scores"
                    + " (user_id, other_id, score, traits_score, interests_score, preferences_score, rank_no,"
                    + " computed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (int k = 0; k < targets.length; k++) {
                    int a = targets[k];
                    best.clear();
                    for (int b = 0; b < n; b++) {
                        if (b == a) {
                            continue;
                        }
                        traitsPart[b] = vectors.similarity(a, b);
                        interestsPart[b] = jaccard(profiles.interestBits[a], profiles.interestBits[b]);
                        preferencesPart[b] = preferences(profiles, a, b);
                        best.offer(b, TRAITS_WEIGHT * traitsPart[b] + INTERESTS_WEIGHT * interestsPart[b]
                                + PREFERENCES_WEIGHT * preferencesPart[b]);
                    }
                    for (int rank = 0; rank < best.size(); rank++) {
                        int b = best.candidate(rank);
                        insert.add(vectors.userIds[a], vectors.userIds[b], best.score(rank), traitsPart[b],
                                interestsPart[b], preferencesPart[b], rank + 1, computedAt);
                    }
                    if ((k + 1) % batchSize == 0 || k + 1 == targets.length) {
                        context.throwIfCancelled();
                        context.progress(k + 1, targets.length, "scored " + (k + 1) + " of " + targets.length + " users");
                    }
                }
                return targets.length + " users, " + insert.rows() + " scores, top " + topK
                        + " each (traits, interests, preferences)";
            }
        });
        summary(context, summary);
    }

    private static Profiles profiles(Connection connection, TraitVectors vectors) throws SQLException {
        int n = vectors.size();
        Map<Long, Integer> position = new HashMap<>();
        for (int i = 0; i < n; i++) {
            position.put(vectors.userIds[i], i);
        }
        int words = (int) (Jdbc.queryLong(connection, "SELECT MAX(id) FROM demo.interests") / 64) + 1;
        Profiles profiles = new Profiles(new long[n][words], new int[n], new int[n], new int[n], new String[n],
                new String[n]);
        Jdbc.forEach(connection, "SELECT id, age, pref_age_min, pref_age_max, region, pref_region FROM demo.users", row -> {
            Integer i = position.get(row.getLong(1));
            if (i != null) {
                profiles.age[i] = row.getInt(2);
                profiles.prefMin[i] = row.getInt(3);
                profiles.prefMax[i] = row.getInt(4);
                profiles.region[i] = row.getString(5);
                profiles.prefRegion[i] = row.getString(6);
            }
        });
        Jdbc.forEach(connection, "SELECT user_id, interest_id FROM demo.user_interests", row -> {
            Integer i = position.get(row.getLong(1));
            int interest = row.getInt(2);
            if (i != null && interest >= 0 && interest / 64 < words) {
                profiles.interestBits[i][interest / 64] |= 1L << (interest % 64);
            }
        });
        return profiles;
    }

    static double jaccard(long[] a, long[] b) {
        int both = 0;
        int either = 0;
        for (int w = 0; w < a.length; w++) {
            both += Long.bitCount(a[w] & b[w]);
            either += Long.bitCount(a[w] | b[w]);
        }
        return either == 0 ? 0 : (double) both / either;
    }

    private static double preferences(Profiles p, int a, int b) {
        int passed = 0;
        passed += p.age[b] >= p.prefMin[a] && p.age[b] <= p.prefMax[a] ? 1 : 0;
        passed += p.age[a] >= p.prefMin[b] && p.age[a] <= p.prefMax[b] ? 1 : 0;
        passed += p.prefRegion[a] == null || p.prefRegion[a].equals(p.region[b]) ? 1 : 0;
        passed += p.prefRegion[b] == null || p.prefRegion[b].equals(p.region[a]) ? 1 : 0;
        return passed / 4.0;
    }
}
