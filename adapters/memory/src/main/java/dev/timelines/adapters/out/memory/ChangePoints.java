package dev.timelines.adapters.out.memory;

import java.util.Arrays;

/**
 * The change points of one attribute in one timeline, in (timestamp, seq) order: the position of each point's
 * event in the timeline and its value, an id of the attribute's {@link ValueDictionary}. A point's time and seq
 * are its event's, read from the timeline rather than kept twice: 8 bytes a point instead of 24. The positions
 * must follow the timeline's: {@link #eventInserted} moves the points after an inserted event on by one. Not
 * thread-safe.
 */
final class ChangePoints {

    private final StoredTimeline timeline;
    private int[] position = new int[2];
    private int[] value = new int[2];
    private int size;

    ChangePoints(StoredTimeline timeline) {
        this.timeline = timeline;
    }

    int size() {
        return size;
    }

    long at(int index) {
        return timeline.timestamp(position[index]);
    }

    long seq(int index) {
        return timeline.seq(position[index]);
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

    /** How many points lie before the timeline's event at {@code eventPosition}: where a point for it goes. */
    int insertionPoint(int eventPosition) {
        int low = 0;
        int high = size;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (position[mid] < eventPosition) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /** The timeline took an event at {@code eventPosition}: the events from there on moved one place on. */
    void eventInserted(int eventPosition) {
        // Most events arrive last in their timeline: walking back from the end stops at once.
        for (int i = size - 1; i >= 0 && position[i] >= eventPosition; i--) {
            position[i]++;
        }
    }

    void insert(int index, int eventPosition, int id) {
        if (size == position.length) {
            // Grows by an eighth: still amortised O(1) per point, and the spare room of hundreds of thousands of
            // growing timelines stays near 6% of their points instead of 25%.
            int capacity = size + Math.max(4, size >> 3);
            position = Arrays.copyOf(position, capacity);
            value = Arrays.copyOf(value, capacity);
        }
        System.arraycopy(position, index, position, index + 1, size - index);
        System.arraycopy(value, index, value, index + 1, size - index);
        position[index] = eventPosition;
        value[index] = id;
        size++;
    }

    void append(int eventPosition, int id) {
        insert(size, eventPosition, id);
    }

    void remove(int index) {
        System.arraycopy(position, index + 1, position, index, size - index - 1);
        System.arraycopy(value, index + 1, value, index, size - index - 1);
        size--;
    }

    /** Gives back the spare capacity once a timeline's points are complete (after a bulk build). */
    void trim() {
        position = Arrays.copyOf(position, size);
        value = Arrays.copyOf(value, size);
    }
}
