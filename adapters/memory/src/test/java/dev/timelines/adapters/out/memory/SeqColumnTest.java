package dev.timelines.adapters.out.memory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * A seq column behaves like a list of longs under inserts and removals anywhere, whether its seqs stay within an
 * int of the first (offsets) or some lie billions away (then longs).
 */
class SeqColumnTest {

    /** Insert {@code seq} at {@code place} (modulo the size + 1), or remove the entry there when {@code remove}. */
    record Step(int place, long seq, boolean remove) {
    }

    @Property
    void holdsWhatAListHolds(@ForAll("steps") List<Step> steps) {
        List<Long> expected = new ArrayList<>();
        SeqColumn column = new SeqColumn(2);
        for (Step step : steps) {
            int size = expected.size();
            if (step.remove() && size > 0) {
                int index = step.place() % size;
                column.closeAt(index, size);
                expected.remove(index);
            } else {
                int index = step.place() % (size + 1);
                if (size == column.capacity()) {
                    column.resize(size + 3);
                }
                column.openAt(index, size);
                column.set(index, step.seq());
                expected.add(index, step.seq());
            }
            assertArrayEquals(expected.stream().mapToLong(Long::longValue).toArray(), column.toArray(expected.size()));
        }
        int size = expected.size();
        long[] all = expected.stream().mapToLong(Long::longValue).toArray();
        assertArrayEquals(all, SeqColumn.of(all, 0, size, size).toArray(size));
        if (size > 1) {
            assertArrayEquals(Arrays.copyOfRange(all, 1, size), column.copyOfRange(1, size).toArray(size - 1));
        }
    }

    @Property
    void findsWhereAnEntryGoesInTimeThenSeqOrder(@ForAll("sortedSeqs") List<Long> seqs, @ForAll("seqs") long seq) {
        // Equal times throughout, so that the order is the seqs': the column's part of the comparison.
        long[] sorted = seqs.stream().mapToLong(Long::longValue).sorted().toArray();
        long[] times = new long[sorted.length];
        SeqColumn column = SeqColumn.of(sorted, 0, sorted.length, sorted.length);
        long before = Arrays.stream(sorted).filter(each -> each < seq).count();
        assertEquals(before, column.lowerBound(times, sorted.length, 0, seq));
        assertEquals(0, column.lowerBound(times, sorted.length, -1, Long.MAX_VALUE));
        assertEquals(sorted.length, column.lowerBound(times, sorted.length, 1, Long.MIN_VALUE));
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        return Combinators.combine(Arbitraries.integers().between(0, 1_000), seqs(), Arbitraries.of(false, false, true))
                .as(Step::new).list().ofMaxSize(60);
    }

    @Provide
    Arbitrary<List<Long>> sortedSeqs() {
        return seqs().list().ofMaxSize(40);
    }

    /** Mostly near each other, sometimes billions apart, and the extremes. */
    @Provide
    Arbitrary<Long> seqs() {
        return Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.longs().between(1_000, 2_000)),
                Tuple.of(1, Arbitraries.longs()),
                Tuple.of(1, Arbitraries.of(Long.MIN_VALUE + 1, Long.MAX_VALUE, 0L)));
    }
}
