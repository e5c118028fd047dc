package dev.timelines.application.service;

import dev.timelines.application.port.in.InvalidCursorException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Comparator;

/**
 * A place in timeline order, (timestamp, seq), as a paging cursor. Resuming after a position rather than
 * at an offset keeps pages stable while late events arrive.
 */
record TimelinePosition(long micros, long seq) implements Comparable<TimelinePosition> {

    private static final Comparator<TimelinePosition> ORDER =
            Comparator.comparingLong(TimelinePosition::micros).thenComparingLong(TimelinePosition::seq);
    private static final String PREFIX = "t1:";

    String encode() {
        String plain = PREFIX + micros + ":" + seq;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    static TimelinePosition decode(String cursor) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!plain.startsWith(PREFIX)) {
                throw new InvalidCursorException();
            }
            String[] parts = plain.substring(PREFIX.length()).split(":", -1);
            if (parts.length != 2) {
                throw new InvalidCursorException();
            }
            return new TimelinePosition(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
        } catch (IllegalArgumentException e) {
            throw new InvalidCursorException();
        }
    }

    @Override
    public int compareTo(TimelinePosition other) {
        return ORDER.compare(this, other);
    }
}
