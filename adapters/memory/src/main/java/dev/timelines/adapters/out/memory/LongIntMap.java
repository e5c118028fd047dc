package dev.timelines.adapters.out.memory;

import java.util.Arrays;

/**
 * An open-addressing map from long to positive int: 12 bytes a slot instead of the ~64 of a boxed HashMap
 * entry, which matters for one entry per (timeline, value) of an indexed attribute. Not thread-safe.
 */
final class LongIntMap {

    private static final long FREE = Long.MIN_VALUE;

    private long[] keys = newKeys(16);
    private int[] values = new int[16];
    private int size;

    int get(long key) {
        int slot = find(key);
        return keys[slot] == key ? values[slot] : 0;
    }

    /** Adds {@code delta} to the key's value (0 when absent) and returns the new value. */
    int add(long key, int delta) {
        int slot = find(key);
        if (keys[slot] != key) {
            keys[slot] = key;
            size++;
        }
        values[slot] += delta;
        int value = values[slot];
        if (size * 2 > keys.length) {
            grow();
        }
        return value;
    }

    /** Removes the key and returns its value, or 0 when it was absent. */
    int remove(long key) {
        int slot = find(key);
        if (keys[slot] != key) {
            return 0;
        }
        int value = values[slot];
        deleteAt(slot);
        size--;
        return value;
    }

    int size() {
        return size;
    }

    /** The slot holding the key, or the free slot where it would go. */
    private int find(long key) {
        if (key == FREE) {
            throw new IllegalArgumentException("Long.MIN_VALUE marks free slots");
        }
        int mask = keys.length - 1;
        int slot = hash(key) & mask;
        while (keys[slot] != FREE && keys[slot] != key) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    /** Backward-shift deletion: keeps every probe chain unbroken without tombstones. */
    private void deleteAt(int slot) {
        int mask = keys.length - 1;
        int hole = slot;
        int next = (hole + 1) & mask;
        while (keys[next] != FREE) {
            int home = hash(keys[next]) & mask;
            boolean movable = hole <= next ? home <= hole || home > next : home <= hole && home > next;
            if (movable) {
                keys[hole] = keys[next];
                values[hole] = values[next];
                hole = next;
            }
            next = (next + 1) & mask;
        }
        keys[hole] = FREE;
        values[hole] = 0;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        keys = newKeys(oldKeys.length * 2);
        values = new int[oldKeys.length * 2];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != FREE) {
                int slot = find(oldKeys[i]);
                keys[slot] = oldKeys[i];
                values[slot] = oldValues[i];
            }
        }
    }

    private static long[] newKeys(int capacity) {
        long[] keys = new long[capacity];
        Arrays.fill(keys, FREE);
        return keys;
    }

    private static int hash(long key) {
        long mixed = key * 0x9E3779B97F4A7C15L;
        return (int) (mixed ^ (mixed >>> 32));
    }
}
