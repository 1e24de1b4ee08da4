package org.jobdeck.bench;

import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;

/** Median, min, max and nearest-rank percentiles of a sample, for the macro benchmarks. */
final class Stats {
    private final double[] sorted;

    private Stats(double[] values) {
        this.sorted = values.clone();
        Arrays.sort(sorted);
    }

    static Stats of(Collection<? extends Number> values) {
        return new Stats(values.stream().mapToDouble(Number::doubleValue).toArray());
    }

    static Stats of(double[] values) {
        return new Stats(values);
    }

    int count() {
        return sorted.length;
    }

    double min() {
        return sorted.length == 0 ? Double.NaN : sorted[0];
    }

    double max() {
        return sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1];
    }

    double median() {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /** Nearest-rank percentile, {@code p} in (0, 100]. */
    double percentile(double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    /** "median (min-max)" with the given number format, e.g. "%.0f". */
    String medianRange(String format) {
        return String.format(Locale.ROOT, format + " (" + format + "-" + format + ")", median(), min(), max());
    }
}
