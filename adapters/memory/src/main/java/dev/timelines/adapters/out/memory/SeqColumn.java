package dev.timelines.adapters.out.memory;

import java.util.Arrays;

/**
 * A growable array of seqs stored as int offsets from the first seq put in, 4 bytes a seq instead of 8: the seqs
 * of one timeline, or of one chunk of transitions, were written within a few billion seqs of each other. Once a seq
 * lies too far from the first, the column holds longs from then on. Not thread-safe.
 */
final class SeqColumn {

    /** The first seq put in; meaningless until {@link #based}. */
    private long base;
    private boolean based;
    /** The offsets from {@link #base}; null once {@link #wide}. */
    private int[] offsets;
    /** The seqs themselves, once one did not fit in an offset; null until then. */
    private long[] wide;

    /** An empty column with room for {@code capacity} seqs. */
    SeqColumn(int capacity) {
        this.offsets = new int[capacity];
    }

    /** A column holding {@code seqs[from, to)}, with room for {@code capacity} seqs. */
    static SeqColumn of(long[] seqs, int from, int to, int capacity) {
        SeqColumn column = new SeqColumn(capacity);
        for (int i = from; i < to; i++) {
            column.set(i - from, seqs[i]);
        }
        return column;
    }

    long get(int index) {
        return offsets != null ? base + offsets[index] : wide[index];
    }

    void set(int index, long seq) {
        if (offsets != null) {
            if (!based) {
                base = seq;
                based = true;
            }
            long offset = seq - base;
            if (offset == (int) offset) {
                offsets[index] = (int) offset;
                return;
            }
            widen();
        }
        wide[index] = seq;
    }

    int capacity() {
        return offsets != null ? offsets.length : wide.length;
    }

    /** Makes room at {@code index} among the first {@code size} seqs, moving those from there on one place up. */
    void openAt(int index, int size) {
        Object array = offsets != null ? offsets : wide;
        System.arraycopy(array, index, array, index + 1, size - index);
    }

    /** Removes the seq at {@code index} of the first {@code size}, moving those after it one place down. */
    void closeAt(int index, int size) {
        Object array = offsets != null ? offsets : wide;
        System.arraycopy(array, index + 1, array, index, size - index - 1);
    }

    void resize(int capacity) {
        if (offsets != null) {
            offsets = Arrays.copyOf(offsets, capacity);
        } else {
            wide = Arrays.copyOf(wide, capacity);
        }
    }

    /** A new column holding the seqs at {@code [from, to)}. */
    SeqColumn copyOfRange(int from, int to) {
        SeqColumn copy = new SeqColumn(0);
        copy.base = base;
        copy.based = based;
        copy.offsets = offsets == null ? null : Arrays.copyOfRange(offsets, from, to);
        copy.wide = wide == null ? null : Arrays.copyOfRange(wide, from, to);
        return copy;
    }

    /** The first {@code size} seqs as longs. */
    long[] toArray(int size) {
        long[] seqs = new long[size];
        for (int i = 0; i < size; i++) {
            seqs[i] = get(i);
        }
        return seqs;
    }

    /** How many of the first {@code size} entries come before (time, seq), with their times in {@code times}. */
    int lowerBound(long[] times, int size, long time, long seq) {
        int low = 0;
        int high = size;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (times[mid] < time || times[mid] == time && get(mid) < seq) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    private void widen() {
        wide = new long[offsets.length];
        for (int i = 0; i < offsets.length; i++) {
            wide[i] = base + offsets[i];
        }
        offsets = null;
    }
}
