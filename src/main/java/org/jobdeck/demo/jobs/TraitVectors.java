package org.jobdeck.demo.jobs;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jobdeck.demo.data.Vocabulary;
import org.jobdeck.demo.sql.Jdbc;

/** The users' trait vectors as build-user-traits stored them, with unit-length copies for cosines. */
final class TraitVectors {
    final long[] userIds;
    final double[][] traits;
    final double[][] unit;
    private final Map<Long, Integer> index = new HashMap<>();

    private TraitVectors(List<Long> ids, List<double[]> vectors) {
        userIds = ids.stream().mapToLong(Long::longValue).toArray();
        traits = vectors.toArray(double[][]::new);
        unit = new double[traits.length][];
        for (int i = 0; i < traits.length; i++) {
            index.put(userIds[i], i);
            double norm = 0;
            for (double v : traits[i]) {
                norm += v * v;
            }
            norm = Math.sqrt(norm);
            unit[i] = new double[traits[i].length];
            for (int t = 0; t < traits[i].length; t++) {
                unit[i][t] = norm == 0 ? 0 : traits[i][t] / norm;
            }
        }
    }

    static TraitVectors load(Connection connection) throws SQLException {
        List<Long> ids = new ArrayList<>();
        List<double[]> vectors = new ArrayList<>();
        Jdbc.forEach(connection, "SELECT user_id, " + String.join(", ", Vocabulary.TRAITS)
                + " FROM demo.user_traits ORDER BY user_id", row -> {
            ids.add(row.getLong(1));
            double[] v = new double[Vocabulary.TRAITS.size()];
            for (int t = 0; t < v.length; t++) {
                v[t] = row.getDouble(t + 2);
            }
            vectors.add(v);
        });
        return new TraitVectors(ids, vectors);
    }

    int size() {
        return userIds.length;
    }

    /** The position of a user, or -1 without traits. */
    int indexOf(long userId) {
        return index.getOrDefault(userId, -1);
    }

    /**
     * Similarity in [0, 1]: the cosine mapped from [-1, 1]; 0.5 when either vector is all zeros.
     * The dot product sums in a fixed order, so similarity(a, b) == similarity(b, a) exactly.
     */
    double similarity(int a, int b) {
        double[] x = unit[a];
        double[] y = unit[b];
        double dot = 0;
        for (int t = 0; t < x.length; t++) {
            dot += x[t] * y[t];
        }
        return Math.max(0, Math.min(1, (1 + dot) / 2));
    }

    /** E.g. "openness-high": the trait furthest from neutral and its direction; null if all are 0. */
    static String topTrait(double[] traits) {
        int best = -1;
        for (int t = 0; t < traits.length; t++) {
            if (traits[t] != 0 && (best < 0 || Math.abs(traits[t]) > Math.abs(traits[best]))) {
                best = t;
            }
        }
        return best < 0 ? null : Vocabulary.TRAITS.get(best) + (traits[best] > 0 ? "-high" : "-low");
    }
}
