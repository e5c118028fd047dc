package dev.timelines.adapters.out.memory;

import dev.timelines.application.port.out.KeyRange;
import dev.timelines.domain.TimelineKey;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Keeps the first {@code limit} keys of a range, in code point order, out of matches found in any order. Keys
 * without surrogate pairs (nearly all) sort the same by UTF-16 unit as by code point, so when no match has one
 * they are compared with {@link String#compareTo}, several times faster than a code point loop; beyond the
 * limit a bounded heap keeps the first, so a page costs O(matches log limit) rather than sorting every match.
 */
final class KeySelection {

    private static final Comparator<TimelineKey> BY_UTF16_UNITS = Comparator.comparing(TimelineKey::value);

    private final KeyRange range;
    private final List<TimelineKey> matches = new ArrayList<>();
    private boolean surrogates;

    KeySelection(KeyRange range) {
        this.range = range;
    }

    /** Keeps the key if it lies in the range. */
    void offer(TimelineKey key) {
        if (range.contains(key)) {
            matches.add(key);
            surrogates |= hasSurrogate(key.value());
        }
    }

    List<TimelineKey> sorted() {
        Comparator<TimelineKey> order = surrogates ? Comparator.naturalOrder() : BY_UTF16_UNITS;
        if (matches.size() <= range.limit()) {
            matches.sort(order);
            return matches;
        }
        PriorityQueue<TimelineKey> kept = new PriorityQueue<>(order.reversed());
        for (TimelineKey key : matches) {
            if (kept.size() < range.limit()) {
                kept.add(key);
            } else if (order.compare(key, kept.peek()) < 0) {
                kept.poll();
                kept.add(key);
            }
        }
        List<TimelineKey> first = new ArrayList<>(kept);
        first.sort(order);
        return first;
    }

    private static boolean hasSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isSurrogate(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
