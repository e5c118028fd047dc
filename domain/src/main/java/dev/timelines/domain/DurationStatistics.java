package dev.timelines.domain;

import java.math.BigInteger;
import java.math.RoundingMode;
import java.math.BigDecimal;
import java.util.Arrays;

/**
 * The duration object of SPEC section 3 over a set of durations in microseconds: count, min, the 50th, 90th
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

    /** The statistics of the first {@code length} durations; sorts that part of the array in place. */
    public static DurationStatistics of(long[] micros, int length) {
        Arrays.sort(micros, 0, length);
        return new DurationStatistics(length, micros[0], nearestRank(micros, length, 50),
                nearestRank(micros, length, 90), nearestRank(micros, length, 99), micros[length - 1],
                mean(micros, length));
    }

    private static long nearestRank(long[] sorted, int length, int percent) {
        long rank = ((long) percent * length + 99) / 100;
        return sorted[(int) rank - 1];
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
