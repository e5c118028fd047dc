package dev.timelines.adapters.out.journal;

import java.util.Comparator;

/**
 * Where a record lies in the log: its segment number and the byte offset of its entry in that segment's
 * file. Positions order like the log and stay valid until a compaction rewrites the segment.
 */
public record LogPosition(long segment, long offset) implements Comparable<LogPosition> {

    private static final Comparator<LogPosition> LOG_ORDER =
            Comparator.comparingLong(LogPosition::segment).thenComparingLong(LogPosition::offset);

    public LogPosition {
        if (segment < 1 || offset < 0) {
            throw new IllegalArgumentException("no such log position: segment " + segment + ", offset " + offset);
        }
    }

    @Override
    public int compareTo(LogPosition other) {
        return LOG_ORDER.compare(this, other);
    }
}
