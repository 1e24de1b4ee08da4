package org.jobdeck.demo.jobs;

/**
 * The k best (candidate, score) pairs seen, highest score first; ties go to the lower candidate,
 * so the result does not depend on the order of offers.
 */
final class TopK {
    private final int[] candidates;
    private final double[] scores;
    private int size;

    TopK(int k) {
        candidates = new int[k];
        scores = new double[k];
    }

    void clear() {
        size = 0;
    }

    void offer(int candidate, double score) {
        int k = candidates.length;
        if (size == k && !better(candidate, score, candidates[k - 1], scores[k - 1])) {
            return;
        }
        int at = size < k ? size++ : k - 1;
        while (at > 0 && better(candidate, score, candidates[at - 1], scores[at - 1])) {
            candidates[at] = candidates[at - 1];
            scores[at] = scores[at - 1];
            at--;
        }
        candidates[at] = candidate;
        scores[at] = score;
    }

    private static boolean better(int candidate, double score, int otherCandidate, double otherScore) {
        return score > otherScore || (score == otherScore && candidate < otherCandidate);
    }

    int size() {
        return size;
    }

    int candidate(int rank) {
        return candidates[rank];
    }

    double score(int rank) {
        return scores[rank];
    }
}
