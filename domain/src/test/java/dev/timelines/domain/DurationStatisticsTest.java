package dev.timelines.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Statistics found by selection equal their definitions over the sorted durations, ties and all. */
class DurationStatisticsTest {

    @Property(tries = 500)
    void percentilesAreTheNearestRanksOfTheSortedDurations(@ForAll("durations") List<Long> durations) {
        long[] sorted = durations.stream().mapToLong(Long::longValue).sorted().toArray();
        int n = sorted.length;
        long[] shuffled = durations.stream().mapToLong(Long::longValue).toArray();
        long[] padded = Arrays.copyOf(shuffled, n + 3);

        DurationStatistics statistics = DurationStatistics.of(padded, n);

        long mean = BigDecimal.valueOf(Arrays.stream(sorted).sum())
                .divide(BigDecimal.valueOf(n), 0, RoundingMode.HALF_UP).longValueExact();
        assertEquals(new DurationStatistics(n, sorted[0], sorted[rank(50, n)], sorted[rank(90, n)],
                sorted[rank(99, n)], sorted[n - 1], mean), statistics);
    }

    /** Few distinct values (many ties) or many; short lists and lists long enough to partition. */
    @Provide
    Arbitrary<List<Long>> durations() {
        Arbitrary<Long> few = Arbitraries.longs().between(0, 3);
        Arbitrary<Long> many = Arbitraries.longs().between(0, 1_000_000);
        return Arbitraries.oneOf(few, many).list().ofMinSize(1).ofMaxSize(400);
    }

    /** The index of ceil(percent / 100 * n), counted from 1, in the sorted array. */
    private static int rank(int percent, int n) {
        return (int) Math.ceil(percent * n / 100.0) - 1;
    }
}
