package dev.timelines.application.service;

import java.util.Comparator;

/**
 * A place in timeline order, (timestamp, seq), as a paging cursor. Resuming after a position rather than
 * at an offset keeps pages stable while late events arrive.
 */
record TimelinePosition(long micros, long seq) implements Comparable<TimelinePosition> {

    private static final Comparator<TimelinePosition> ORDER =
            Comparator.comparingLong(TimelinePosition::micros).thenComparingLong(TimelinePosition::seq);
    private static final String KIND = "t1";

    String encode() {
        return Cursors.encode(KIND, micros, seq);
    }

    static TimelinePosition decode(String cursor) {
        String[] fields = Cursors.decode(KIND, cursor, 2);
        return new TimelinePosition(Cursors.number(fields[0]), Cursors.number(fields[1]));
    }

    @Override
    public int compareTo(TimelinePosition other) {
        return ORDER.compare(this, other);
    }
}
