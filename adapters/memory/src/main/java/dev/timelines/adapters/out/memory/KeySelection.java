package dev.timelines.adapters.out.memory;

import dev.timelines.application.port.out.KeyRange;
import dev.timelines.domain.TimelineKey;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Keeps the first {@code limit} keys of a range, in code point order, out of matches found in any order:
 * a bounded heap, so a page costs O(matches log limit) rather than sorting every match.
 */
final class KeySelection {

    private final KeyRange range;
    private final PriorityQueue<TimelineKey> kept = new PriorityQueue<>(Collections.reverseOrder());

    KeySelection(KeyRange range) {
        this.range = range;
    }

    /** Keeps the key if it lies in the range and among the first {@code limit} seen so far. */
    void offer(TimelineKey key) {
        if (!range.contains(key) || kept.size() == range.limit() && key.compareTo(kept.peek()) >= 0) {
            return;
        }
        kept.add(key);
        if (kept.size() > range.limit()) {
            kept.poll();
        }
    }

    List<TimelineKey> sorted() {
        List<TimelineKey> keys = new ArrayList<>(kept);
        Collections.sort(keys);
        return keys;
    }
}
