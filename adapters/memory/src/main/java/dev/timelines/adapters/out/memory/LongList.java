package dev.timelines.adapters.out.memory;

import java.util.Arrays;

/** A growable list of longs without boxing. */
final class LongList {

    private long[] items = new long[8];
    private int size;

    void add(long item) {
        if (size == items.length) {
            items = Arrays.copyOf(items, size * 2);
        }
        items[size++] = item;
    }

    long get(int index) {
        return items[index];
    }

    int size() {
        return size;
    }

    /** The backing array, valid up to {@link #size()}; callers may reorder that part. */
    long[] array() {
        return items;
    }
}
