package dev.timelines.adapters.out.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Chunked transition lists behave like a sorted map from (at, seq) to the stay each transition begins, under any
 * mix of inserts, removals and changed stays, with chunks small enough to split, spill and skip.
 */
class TransitionListTest {

    private static final Comparator<Toggle> ORDER = Comparator.comparingLong(Toggle::at).thenComparingLong(Toggle::seq);

    /** One step: add (at, seq) when absent; otherwise give it another stay ({@code restay}) or remove it. */
    record Toggle(long at, long seq, boolean restay) {

        long duration() {
            return at * 7 + seq;
        }

        /** Some stays open, the others ending a little after they began. */
        Stay stay() {
            return seq % 3 == 0 ? Stay.OPEN : new Stay(at + seq % 4, (int) seq);
        }
    }

    /** When the stay a transition begins was left, and for which value. */
    record Stay(long left, int next) {

        static final Stay OPEN = new Stay(TransitionList.OPEN, PairTable.ENTRY);

        /** Another stay: an open one closes later, a closed one reopens. */
        Stay other(long at) {
            return left == TransitionList.OPEN ? new Stay(at + 5, 9) : OPEN;
        }
    }

    @Property(tries = 300)
    void behavesLikeASortedMap(@ForAll("toggles") List<Toggle> toggles, @ForAll @IntRange(min = 2, max = 5) int chunk,
            @ForAll @IntRange(min = -1, max = 21) int from) {
        TransitionList list = new TransitionList(chunk);
        TreeMap<Toggle, Stay> model = new TreeMap<>(ORDER);
        apply(toggles, list, model);
        assertEquals(false, list.remove(99, 99));
        assertEquals(false, list.restay(99, 99, 1, 1));
        assertEquals(model.size(), list.size());
        assertEquals(expected(model, from), walked(list, from));
        assertEquals(expectedWithStays(model, from), visited(list, from));
    }

    @Property(tries = 300)
    void ranksAndOverlappingStaysMatchTheModel(@ForAll("toggles") List<Toggle> toggles,
            @ForAll @IntRange(min = 2, max = 5) int chunk, @ForAll @IntRange(min = -1, max = 24) int since,
            @ForAll @IntRange(min = 0, max = 8) int length) {
        TransitionList list = new TransitionList(chunk);
        TreeMap<Toggle, Stay> model = new TreeMap<>(ORDER);
        apply(toggles, list, model);
        int until = since + length;
        assertEquals(model.keySet().stream().filter(toggle -> toggle.at <= since).count(),
                list.countAtOrBefore(since));
        List<String> expected = new ArrayList<>();
        model.forEach((toggle, stay) -> {
            if (toggle.at < until && stay.left > since) {
                expected.add(toggle.seq + "/" + toggle.at + "/" + stay.left);
            }
        });
        List<String> visited = new ArrayList<>();
        list.forEachStayOverlapping(since, until,
                (timeline, entered, duration, left, next) -> visited.add(timeline + "/" + entered + "/" + left));
        assertEquals(expected, visited);

        assertEquals(expectedWithStays(model, since).stream()
                .filter(row -> Long.parseLong(row.split("/")[0]) < until).toList(), visited(list, since, until));
    }

    @Property(tries = 100)
    void bulkLoadedListsAcceptLaterChanges(@ForAll("toggles") List<Toggle> initial,
            @ForAll("toggles") List<Toggle> later, @ForAll @IntRange(min = 2, max = 5) int chunk) {
        TreeMap<Toggle, Stay> model = new TreeMap<>(ORDER);
        initial.forEach(toggle -> model.put(toggle, toggle.stay()));
        int count = model.size();
        long[] at = new long[count];
        long[] seq = new long[count];
        int[] timeline = new int[count];
        long[] duration = new long[count];
        long[] left = new long[count];
        int[] next = new int[count];
        int i = 0;
        for (Map.Entry<Toggle, Stay> entry : model.entrySet()) {
            Toggle toggle = entry.getKey();
            at[i] = toggle.at;
            seq[i] = toggle.seq;
            timeline[i] = (int) toggle.seq;
            duration[i] = toggle.duration();
            left[i] = entry.getValue().left;
            next[i++] = entry.getValue().next;
        }
        TransitionList list = TransitionList.ofSorted(chunk, at, seq, timeline, duration, left, next, count);
        apply(later, list, model);
        assertEquals(expected(model, Long.MIN_VALUE), walked(list, Long.MIN_VALUE));
        assertEquals(expectedWithStays(model, Long.MIN_VALUE), visited(list, Long.MIN_VALUE));
    }

    @Provide
    Arbitrary<List<Toggle>> toggles() {
        return Combinators.combine(Arbitraries.integers().between(0, 20), Arbitraries.integers().between(0, 6),
                Arbitraries.of(false, true)).as(Toggle::new).list().ofMaxSize(80);
    }

    private static void apply(List<Toggle> toggles, TransitionList list, TreeMap<Toggle, Stay> model) {
        for (Toggle toggle : toggles) {
            Stay stay = model.get(toggle);
            if (stay == null) {
                model.put(toggle, toggle.stay());
                list.add(toggle.at, toggle.seq, (int) toggle.seq, toggle.duration(), toggle.stay().left,
                        toggle.stay().next);
            } else if (toggle.restay) {
                Stay other = stay.other(toggle.at);
                model.put(toggle, other);
                assertEquals(true, list.restay(toggle.at, toggle.seq, other.left, other.next));
            } else {
                model.remove(toggle);
                assertEquals(true, list.remove(toggle.at, toggle.seq));
            }
        }
    }

    /** Rows {@code at/seq/timeline/duration} from {@code from} on; the tests use the seq as timeline id. */
    private static List<String> expected(TreeMap<Toggle, Stay> model, long from) {
        List<String> rows = new ArrayList<>();
        model.forEach((toggle, stay) -> {
            if (toggle.at >= from) {
                rows.add(toggle.at + "/" + toggle.seq + "/" + toggle.seq + "/" + toggle.duration());
            }
        });
        return rows;
    }

    /** Rows {@code at/timeline/duration/left/next} from {@code from} on. */
    private static List<String> expectedWithStays(TreeMap<Toggle, Stay> model, long from) {
        List<String> rows = new ArrayList<>();
        model.forEach((toggle, stay) -> {
            if (toggle.at >= from) {
                rows.add(toggle.at + "/" + toggle.seq + "/" + toggle.duration() + "/" + stay.left + "/" + stay.next);
            }
        });
        return rows;
    }

    private static List<String> walked(TransitionList list, long from) {
        List<String> rows = new ArrayList<>();
        for (TransitionList.Cursor cursor = list.from(from); cursor.valid(); cursor.next()) {
            rows.add(cursor.at() + "/" + cursor.seq() + "/" + cursor.timeline() + "/" + cursor.duration());
        }
        return rows;
    }

    private static List<String> visited(TransitionList list, long from) {
        return visited(list, from, Long.MAX_VALUE);
    }

    private static List<String> visited(TransitionList list, long since, long until) {
        List<String> rows = new ArrayList<>();
        list.forEachIn(since, until, (timeline, at, duration, left, next) -> rows.add(
                at + "/" + timeline + "/" + duration + "/" + left + "/" + next));
        return rows;
    }
}
