package dev.timelines.adapters.out.memory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The transitions of one attribute grouped by (from, to) pair of value ids, each pair's list ordered by time;
 * entries are the pair ({@link #ENTRY}, to). Also reachable by {@code to} and by {@code from}, so a question
 * about one value visits only its pairs. A pair disappears with its last transition. Not thread-safe.
 */
final class PairTable {

    /** The {@code from} of an entry: no value. */
    static final int ENTRY = -1;

    /** One (from, to) pair and its transitions. */
    record Pair(int from, int to, TransitionList transitions) {

        boolean isEntry() {
            return from == ENTRY;
        }
    }

    private static final String LOST = "the index lost a transition it should hold";

    private final Map<Long, Pair> pairs = new HashMap<>();
    private final Map<Integer, List<Pair>> into = new HashMap<>();
    private final Map<Integer, List<Pair>> outOf = new HashMap<>();

    void add(IndexedTransition transition, int timeline) {
        Pair pair = pairs.get(key(transition.from(), transition.to()));
        if (pair == null) {
            pair = new Pair(transition.from(), transition.to(), new TransitionList());
            register(pair);
        }
        pair.transitions().add(transition.at(), transition.seq(), timeline, transition.duration(), transition.left(),
                transition.next());
    }

    void remove(IndexedTransition transition) {
        int from = transition.from();
        int to = transition.to();
        Pair pair = pairs.get(key(from, to));
        if (pair == null || !pair.transitions().remove(transition.at(), transition.seq())) {
            throw new IllegalStateException(LOST);
        }
        if (pair.transitions().isEmpty()) {
            pairs.remove(key(from, to));
            unlink(into, to, pair);
            unlink(outOf, from, pair);
        }
    }

    /** Records how the stay begun by a transition the table holds ended, in place. */
    void restay(IndexedTransition transition) {
        Pair pair = pairs.get(key(transition.from(), transition.to()));
        if (pair == null || !pair.transitions().restay(transition.at(), transition.seq(), transition.left(),
                transition.next())) {
            throw new IllegalStateException(LOST);
        }
    }

    /** Adds a pair whose transitions were built in bulk. */
    void register(Pair pair) {
        pairs.put(key(pair.from(), pair.to()), pair);
        into.computeIfAbsent(pair.to(), id -> new ArrayList<>()).add(pair);
        outOf.computeIfAbsent(pair.from(), id -> new ArrayList<>()).add(pair);
    }

    Collection<Pair> all() {
        return pairs.values();
    }

    List<Pair> into(int to) {
        return into.getOrDefault(to, List.of());
    }

    List<Pair> outOf(int from) {
        return outOf.getOrDefault(from, List.of());
    }

    private static void unlink(Map<Integer, List<Pair>> byValue, int value, Pair pair) {
        List<Pair> list = byValue.get(value);
        list.remove(pair);
        if (list.isEmpty()) {
            byValue.remove(value);
        }
    }

    private static long key(int from, int to) {
        return ((long) from << 32) | (to & 0xFFFF_FFFFL);
    }
}
