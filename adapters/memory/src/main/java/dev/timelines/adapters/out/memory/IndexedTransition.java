package dev.timelines.adapters.out.memory;

/**
 * One transition as an attribute index keeps it, in value ids: from (or {@link PairTable#ENTRY}) to, at (at, seq),
 * after {@code duration} in from, and how the stay in to that it begins ended: {@code left} at the timeline's next
 * change point, into {@code next} ({@link TransitionList#OPEN} and {@link PairTable#ENTRY} while it lasts).
 */
record IndexedTransition(int from, int to, long at, long seq, long duration, long left, int next) {

    /** The transition into point {@code i} of a timeline's change points. */
    static IndexedTransition into(ChangePoints points, int i) {
        boolean first = i == 0;
        boolean last = i + 1 == points.size();
        return new IndexedTransition(first ? PairTable.ENTRY : points.value(i - 1), points.value(i), points.at(i),
                points.seq(i), first ? 0 : points.at(i) - points.at(i - 1),
                last ? TransitionList.OPEN : points.at(i + 1), last ? PairTable.ENTRY : points.value(i + 1));
    }

    /** Whether the other is this transition but for how the stay it begins ended. */
    boolean beginsTheSameStay(IndexedTransition other) {
        return from == other.from && to == other.to && at == other.at && seq == other.seq
                && duration == other.duration;
    }
}
