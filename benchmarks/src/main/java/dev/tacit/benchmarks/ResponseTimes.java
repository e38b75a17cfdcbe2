package dev.tacit.benchmarks;

import java.util.Arrays;

/** Statistics of the load drivers' response times, in µs. */
final class ResponseTimes {

    private ResponseTimes() {
    }

    /** The value at {@code percent} percent of the sorted values (nearest rank). */
    static double percentile(long[] values, int percent) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(percent / 100.0 * sorted.length) - 1)];
    }

    static double mean(long[] values) {
        return Arrays.stream(values).average().orElse(0);
    }

    /**
     * The probability that a value of {@code a} exceeds one of {@code b}, ties counting half: the Mann-Whitney
     * AUC, 0.5 when the two cannot be told apart.
     */
    static double auc(long[] a, long[] b) {
        long[] sortedB = b.clone();
        Arrays.sort(sortedB);
        double wins = 0;
        for (long value : a) {
            int below = lowerBound(sortedB, value);
            int notAbove = lowerBound(sortedB, value + 1);
            wins += below + (notAbove - below) / 2.0;
        }
        return wins / ((double) a.length * b.length);
    }

    private static int lowerBound(long[] sorted, long value) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (sorted[middle] < value) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }
}
