package dev.timelines.adapters.out.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Chunked transition lists behave like a sorted map from (at, seq) under any mix of inserts and removals. */
class TransitionListTest {

    private static final Comparator<Toggle> ORDER = Comparator.comparingLong(Toggle::at).thenComparingLong(Toggle::seq);

    /** One step: add (at, seq) when absent, otherwise remove it. */
    record Toggle(long at, long seq) {

        long duration() {
            return at * 7 + seq;
        }

        /** Some stays open, the others ending a little after they began. */
        long left() {
            return seq % 3 == 0 ? TransitionList.OPEN : at + seq % 4;
        }

        int next() {
            return seq % 3 == 0 ? PairTable.ENTRY : (int) seq;
        }
    }

    @Property(tries = 300)
    void behavesLikeASortedMap(@ForAll("toggles") List<Toggle> toggles, @ForAll @IntRange(min = 2, max = 5) int chunk,
            @ForAll @IntRange(min = -1, max = 21) int from) {
        TransitionList list = new TransitionList(chunk);
        TreeMap<Toggle, Long> model = new TreeMap<>(ORDER);
        apply(toggles, list, model);
        assertEquals(false, list.remove(99, 99));
        assertEquals(model.size(), list.size());
        assertEquals(expected(model, from), actual(list, from));
    }

    @Property(tries = 300)
    void ranksAndOverlappingStaysMatchTheModel(@ForAll("toggles") List<Toggle> toggles,
            @ForAll @IntRange(min = 2, max = 5) int chunk, @ForAll @IntRange(min = -1, max = 24) int since,
            @ForAll @IntRange(min = 0, max = 8) int length) {
        TransitionList list = new TransitionList(chunk);
        TreeMap<Toggle, Long> model = new TreeMap<>(ORDER);
        apply(toggles, list, model);
        int until = since + length;
        assertEquals(model.keySet().stream().filter(toggle -> toggle.at <= since).count(),
                list.countAtOrBefore(since));
        List<String> expected = new ArrayList<>();
        model.keySet().stream().filter(toggle -> toggle.at < until && toggle.left() > since)
                .forEach(toggle -> expected.add(toggle.seq + "/" + toggle.at + "/" + toggle.left()));
        List<String> visited = new ArrayList<>();
        list.forEachStayOverlapping(since, until,
                (timeline, entered, left) -> visited.add(timeline + "/" + entered + "/" + left));
        assertEquals(expected, visited);
    }

    @Property(tries = 100)
    void bulkLoadedListsAcceptLaterChanges(@ForAll("toggles") List<Toggle> initial,
            @ForAll("toggles") List<Toggle> later, @ForAll @IntRange(min = 2, max = 5) int chunk) {
        TreeMap<Toggle, Long> model = new TreeMap<>(ORDER);
        initial.forEach(toggle -> model.put(toggle, toggle.duration()));
        int count = model.size();
        long[] at = new long[count];
        long[] seq = new long[count];
        int[] timeline = new int[count];
        long[] duration = new long[count];
        long[] left = new long[count];
        int[] next = new int[count];
        int i = 0;
        for (Toggle toggle : model.keySet()) {
            at[i] = toggle.at;
            seq[i] = toggle.seq;
            timeline[i] = (int) toggle.seq;
            duration[i] = toggle.duration();
            left[i] = toggle.left();
            next[i++] = toggle.next();
        }
        TransitionList list = TransitionList.ofSorted(chunk, at, seq, timeline, duration, left, next, count);
        apply(later, list, model);
        assertEquals(expected(model, Long.MIN_VALUE), actual(list, Long.MIN_VALUE));
    }

    @Provide
    Arbitrary<List<Toggle>> toggles() {
        return Arbitraries.integers().between(0, 20).flatMap(at -> Arbitraries.integers().between(0, 6)
                .map(seq -> new Toggle(at, seq))).list().ofMaxSize(80);
    }

    private static void apply(List<Toggle> toggles, TransitionList list, TreeMap<Toggle, Long> model) {
        for (Toggle toggle : toggles) {
            if (model.containsKey(toggle)) {
                model.remove(toggle);
                assertEquals(true, list.remove(toggle.at, toggle.seq));
            } else {
                model.put(toggle, toggle.duration());
                list.add(toggle.at, toggle.seq, (int) toggle.seq, toggle.duration(), toggle.left(), toggle.next());
            }
        }
    }

    private static List<String> expected(TreeMap<Toggle, Long> model, long from) {
        List<String> entries = new ArrayList<>();
        model.forEach((toggle, duration) -> {
            if (toggle.at >= from) {
                entries.add(toggle.at + "/" + toggle.seq + "/" + toggle.seq + "/" + duration + "/" + toggle.left()
                        + "/" + toggle.next());
            }
        });
        return entries;
    }

    private static List<String> actual(TransitionList list, long from) {
        List<String> entries = new ArrayList<>();
        for (TransitionList.Cursor cursor = list.from(from); cursor.valid(); cursor.next()) {
            entries.add(cursor.at() + "/" + cursor.seq() + "/" + cursor.timeline() + "/" + cursor.duration() + "/"
                    + cursor.left() + "/" + cursor.nextValue());
        }
        return entries;
    }
}
