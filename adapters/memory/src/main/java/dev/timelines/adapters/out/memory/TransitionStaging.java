package dev.timelines.adapters.out.memory;

/**
 * Collects one pair's transitions in any order while an index is built, then sorts them once into a
 * {@link TransitionList}: one sort instead of millions of ordered inserts.
 */
final class TransitionStaging {

    private final LongList at = new LongList();
    private final LongList seq = new LongList();
    private final LongList timeline = new LongList();
    private final LongList duration = new LongList();
    private final LongList left = new LongList();
    private final LongList next = new LongList();

    void add(IndexedTransition transition, int line) {
        at.add(transition.at());
        seq.add(transition.seq());
        timeline.add(line);
        duration.add(transition.duration());
        left.add(transition.left());
        next.add(transition.next());
    }

    TransitionList sorted() {
        int count = at.size();
        int[] order = sortedOrder(at.array(), seq.array(), count);
        long[] times = new long[count];
        long[] seqs = new long[count];
        int[] lines = new int[count];
        long[] lengths = new long[count];
        long[] leavings = new long[count];
        int[] followings = new int[count];
        for (int i = 0; i < count; i++) {
            int from = order[i];
            times[i] = at.get(from);
            seqs[i] = seq.get(from);
            lines[i] = (int) timeline.get(from);
            lengths[i] = duration.get(from);
            leavings[i] = left.get(from);
            followings[i] = (int) next.get(from);
        }
        return TransitionList.ofSorted(TransitionList.CHUNK_CAPACITY, times, seqs, lines, lengths, leavings,
                followings, count);
    }

    /** The positions of the first {@code count} entries sorted by (at, seq): a bottom-up merge sort. */
    private static int[] sortedOrder(long[] at, long[] seq, int count) {
        int[] order = new int[count];
        for (int i = 0; i < count; i++) {
            order[i] = i;
        }
        int[] buffer = new int[count];
        for (int width = 1; width < count; width *= 2) {
            for (int low = 0; low < count; low += 2 * width) {
                int middle = Math.min(low + width, count);
                int high = Math.min(low + 2 * width, count);
                int left = low;
                int right = middle;
                for (int out = low; out < high; out++) {
                    boolean takeLeft = right >= high || left < middle && !after(at, seq, order[left], order[right]);
                    buffer[out] = takeLeft ? order[left++] : order[right++];
                }
            }
            int[] swap = order;
            order = buffer;
            buffer = swap;
        }
        return order;
    }

    private static boolean after(long[] at, long[] seq, int a, int b) {
        return at[a] > at[b] || at[a] == at[b] && seq[a] > seq[b];
    }
}
