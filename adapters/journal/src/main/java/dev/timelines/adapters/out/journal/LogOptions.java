package dev.timelines.adapters.out.journal;

import java.util.Objects;

/**
 * How a {@link RecordLog} syncs, how large its segments grow, whether the operator allowed recovery to cut off
 * a corrupt middle, and when a {@link JournalEventStore} compacts its log and snapshots its memory engine.
 *
 * @param fsync when appends are forced to disk and acknowledged
 * @param maxSegmentBytes a segment rolls over before it would exceed this size; it also bounds one batch
 * @param truncateCorruptTail when a damaged record is followed by valid data, drop everything from the
 *     damage on (keeping a copy aside) instead of refusing to open: an explicit operator decision to lose data
 * @param fsyncListener told the duration of every fsync
 * @param compaction when the event store compacts on its own (the record log itself only compacts when asked)
 * @param snapshot whether and when the event store snapshots its memory engine (the record log never does)
 */
public record LogOptions(FsyncPolicy fsync, long maxSegmentBytes, boolean truncateCorruptTail,
        FsyncListener fsyncListener, CompactionPolicy compaction, SnapshotPolicy snapshot) {

    /** The default segment size: 64 MiB. */
    public static final long DEFAULT_MAX_SEGMENT_BYTES = 64L << 20;

    // Recovery reads a whole segment into one buffer, so a segment must stay well inside an int.
    private static final long LARGEST_SEGMENT_BYTES = 1L << 30;
    private static final long SMALLEST_SEGMENT_BYTES = 64;

    public LogOptions {
        Objects.requireNonNull(fsync, "fsync");
        Objects.requireNonNull(fsyncListener, "fsyncListener");
        Objects.requireNonNull(compaction, "compaction");
        Objects.requireNonNull(snapshot, "snapshot");
        if (maxSegmentBytes < SMALLEST_SEGMENT_BYTES || maxSegmentBytes > LARGEST_SEGMENT_BYTES) {
            throw new IllegalArgumentException("max segment size must lie in [" + SMALLEST_SEGMENT_BYTES + ", "
                    + LARGEST_SEGMENT_BYTES + "] bytes: " + maxSegmentBytes);
        }
    }

    /**
     * Fsync always, 64 MiB segments, refuse to open over a corrupt middle, nobody told of fsyncs, the default
     * compaction and snapshot policies.
     */
    public static LogOptions defaults() {
        return new LogOptions(FsyncPolicy.always(), DEFAULT_MAX_SEGMENT_BYTES, false, FsyncListener.NONE,
                CompactionPolicy.defaults(), SnapshotPolicy.defaults());
    }

    /** These options with another fsync policy. */
    public LogOptions withFsync(FsyncPolicy policy) {
        return new LogOptions(policy, maxSegmentBytes, truncateCorruptTail, fsyncListener, compaction, snapshot);
    }

    /** These options with another maximum segment size. */
    public LogOptions withMaxSegmentBytes(long bytes) {
        return new LogOptions(fsync, bytes, truncateCorruptTail, fsyncListener, compaction, snapshot);
    }

    /** These options with the operator's decision about cutting off a corrupt middle. */
    public LogOptions withTruncateCorruptTail(boolean truncate) {
        return new LogOptions(fsync, maxSegmentBytes, truncate, fsyncListener, compaction, snapshot);
    }

    /** These options with another listener to fsync durations. */
    public LogOptions withFsyncListener(FsyncListener listener) {
        return new LogOptions(fsync, maxSegmentBytes, truncateCorruptTail, listener, compaction, snapshot);
    }

    /** These options with another compaction policy. */
    public LogOptions withCompaction(CompactionPolicy policy) {
        return new LogOptions(fsync, maxSegmentBytes, truncateCorruptTail, fsyncListener, policy, snapshot);
    }

    /** These options with another snapshot policy. */
    public LogOptions withSnapshot(SnapshotPolicy policy) {
        return new LogOptions(fsync, maxSegmentBytes, truncateCorruptTail, fsyncListener, compaction, policy);
    }
}
