package dev.timelines.bench.measure;

import java.util.Arrays;

/** Median, minimum and maximum of repeated measurements of one figure. */
public record Stats(double median, double min, double max, int samples) {

    public static Stats of(double[] samples) {
        if (samples.length == 0) {
            throw new IllegalArgumentException("no samples");
        }
        double[] sorted = samples.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        double median = sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        return new Stats(median, sorted[0], sorted[sorted.length - 1], sorted.length);
    }

    public Stats scaled(double factor) {
        return new Stats(median * factor, min * factor, max * factor, samples);
    }
}
