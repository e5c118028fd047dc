package dev.timelines.domain;

import java.math.BigInteger;
import java.math.RoundingMode;
import java.math.BigDecimal;
import java.util.Arrays;

/**
 * The duration object of docs/semantics.md over a set of durations in microseconds: count, min, the 50th, 90th
 * and 99th percentiles, max and mean. Percentiles are exact and nearest-rank (the smallest duration with at
 * least p percent of the durations at or below it, SQL's {@code percentile_disc}), so every figure is a
 * duration that occurred.
 */
public record DurationStatistics(long count, long min, long p50, long p90, long p99, long max, long mean) {

    public DurationStatistics {
        if (count < 1) {
            throw new IllegalArgumentException("statistics need at least one duration");
        }
    }

    /**
     * The statistics of the first {@code length} durations; reorders that part of the array. Each percentile is
     * found by selection rather than by sorting everything (O(n) on average instead of O(n log n)): a process map
     * over a day takes them from hundreds of thousands of durations.
     */
    public static DurationStatistics of(long[] micros, int length) {
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        for (int i = 0; i < length; i++) {
            min = Math.min(min, micros[i]);
            max = Math.max(max, micros[i]);
        }
        // Each selection leaves larger durations above its rank, so the next, higher rank is sought only there.
        int p50 = nearestRank(length, 50);
        int p90 = nearestRank(length, 90);
        int p99 = nearestRank(length, 99);
        select(micros, 0, length, p50);
        select(micros, p50, length, p90);
        select(micros, p90, length, p99);
        return new DurationStatistics(length, min, micros[p50], micros[p90], micros[p99], max, mean(micros, length));
    }

    /** The index, in sorted order, of the smallest duration with at least {@code percent} % at or below it. */
    private static int nearestRank(int length, int percent) {
        return (int) (((long) percent * length + 99) / 100) - 1;
    }

    /**
     * Puts the value of sorted rank {@code k} of {@code [from, to)} at {@code k}, smaller values before it and
     * larger after: quickselect with a three-way partition (equal durations are common), which sorts the range
     * instead when partitions keep going badly, so it is never worse than a sort.
     */
    private static void select(long[] values, int from, int to, int k) {
        int rounds = 2 * (Integer.SIZE - Integer.numberOfLeadingZeros(to - from));
        while (to - from > 16 && rounds-- > 0) {
            long pivot = medianOfThree(values[from], values[(from + to) >>> 1], values[to - 1]);
            int less = from;
            int greater = to;
            for (int i = from; i < greater; ) {
                if (values[i] < pivot) {
                    swap(values, less++, i++);
                } else if (values[i] > pivot) {
                    swap(values, i, --greater);
                } else {
                    i++;
                }
            }
            if (k < less) {
                to = less;
            } else if (k >= greater) {
                from = greater;
            } else {
                return;
            }
        }
        Arrays.sort(values, from, to);
    }

    private static long medianOfThree(long a, long b, long c) {
        return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
    }

    private static void swap(long[] values, int i, int j) {
        long kept = values[i];
        values[i] = values[j];
        values[j] = kept;
    }

    /** Rounded to the nearest microsecond; summed exactly, since many long durations overflow a long. */
    private static long mean(long[] micros, int length) {
        BigInteger total = BigInteger.ZERO;
        long partial = 0;
        for (int i = 0; i < length; i++) {
            if (partial > Long.MAX_VALUE - micros[i]) {
                total = total.add(BigInteger.valueOf(partial));
                partial = 0;
            }
            partial += micros[i];
        }
        total = total.add(BigInteger.valueOf(partial));
        return new BigDecimal(total).divide(BigDecimal.valueOf(length), 0, RoundingMode.HALF_UP).longValueExact();
    }
}
