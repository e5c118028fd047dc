package dev.timelines.adapters.out.memory;

import java.util.Arrays;

/**
 * The change points of one attribute in one timeline, in (timestamp, seq) order, as parallel primitive arrays:
 * 20 bytes a point. Values are ids of the attribute's {@link ValueDictionary}. Not thread-safe.
 */
final class ChangePoints {

    private long[] at = new long[2];
    private long[] seq = new long[2];
    private int[] value = new int[2];
    private int size;

    int size() {
        return size;
    }

    long at(int index) {
        return at[index];
    }

    long seq(int index) {
        return seq[index];
    }

    int value(int index) {
        return value[index];
    }

    /** Whether some point has the value. */
    boolean holds(int id) {
        for (int i = 0; i < size; i++) {
            if (value[i] == id) {
                return true;
            }
        }
        return false;
    }

    /** How many points come before (at, seq): where a point with that key goes. */
    int insertionPoint(long time, long order) {
        return TimeOrder.lowerBound(at, seq, size, time, order);
    }

    void insert(int index, long time, long order, int id) {
        if (size == at.length) {
            // Grows by an eighth: still amortised O(1) per point, and the spare room of hundreds of thousands of
            // growing timelines stays near 6% of their points instead of 25%.
            int capacity = size + Math.max(4, size >> 3);
            at = Arrays.copyOf(at, capacity);
            seq = Arrays.copyOf(seq, capacity);
            value = Arrays.copyOf(value, capacity);
        }
        System.arraycopy(at, index, at, index + 1, size - index);
        System.arraycopy(seq, index, seq, index + 1, size - index);
        System.arraycopy(value, index, value, index + 1, size - index);
        at[index] = time;
        seq[index] = order;
        value[index] = id;
        size++;
    }

    void append(long time, long order, int id) {
        insert(size, time, order, id);
    }

    void remove(int index) {
        System.arraycopy(at, index + 1, at, index, size - index - 1);
        System.arraycopy(seq, index + 1, seq, index, size - index - 1);
        System.arraycopy(value, index + 1, value, index, size - index - 1);
        size--;
    }

    /** Gives back the spare capacity once a timeline's points are complete (after a bulk build). */
    void trim() {
        at = Arrays.copyOf(at, size);
        seq = Arrays.copyOf(seq, size);
        value = Arrays.copyOf(value, size);
    }
}
