package dev.timelines.adapters.out.postgres;

import dev.timelines.application.port.out.KeyRange;
import dev.timelines.domain.CodePointOrder;
import dev.timelines.domain.TimelineKey;

/**
 * A {@link KeyRange} as the bounds {@code lower <= key < upper} of an index range scan in code point order:
 * a prefix alone would make a scan run past the prefix to the end of the keys whenever fewer than a page match.
 */
record KeyBounds(String lower, String upper) {

    /**
     * Greater than every key: a key has at most 256 UTF-8 bytes, so at most 64 code points of four bytes,
     * and this is 65 of the greatest.
     */
    private static final String ABOVE_ALL_KEYS = Character.toString(Character.MAX_CODE_POINT).repeat(65);

    static KeyBounds of(KeyRange range) {
        String lower = range.prefix();
        if (range.after().isPresent()) {
            String afterKey = justAfter(range.after().get());
            lower = CodePointOrder.INSTANCE.compare(afterKey, lower) > 0 ? afterKey : lower;
        }
        return new KeyBounds(lower, pastPrefix(range.prefix()));
    }

    /**
     * The least string greater than the key: the key and U+0001, since no PostgreSQL string holds U+0000.
     */
    private static String justAfter(TimelineKey key) {
        return key.value() + '\u0001';
    }

    /** The least string above every string starting with the prefix: its last code point that can grow, grown. */
    private static String pastPrefix(String prefix) {
        int[] points = prefix.codePoints().toArray();
        for (int i = points.length - 1; i >= 0; i--) {
            if (points[i] < Character.MAX_CODE_POINT) {
                // U+D800..U+DFFF are not characters: the next after U+D7FF is U+E000
                points[i] = points[i] == 0xD7FF ? 0xE000 : points[i] + 1;
                return new String(points, 0, i + 1);
            }
        }
        return ABOVE_ALL_KEYS;
    }
}
