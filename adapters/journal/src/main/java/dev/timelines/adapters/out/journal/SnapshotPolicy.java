package dev.timelines.adapters.out.journal;

/**
 * Whether a {@link JournalEventStore} keeps a snapshot of its memory engine, so that a start loads it and
 * replays only the journal written after it, and how often it takes one while running.
 *
 * @param enabled whether to keep a snapshot at all: at close, and as the interval says; when off, a snapshot
 *     left in the directory is deleted at start (compaction no longer keeps it valid)
 * @param intervalBytes once this many journal bytes were appended since the last snapshot, take another in the
 *     background (bounding what a start after a crash replays); 0 for snapshots at close only
 */
public record SnapshotPolicy(boolean enabled, long intervalBytes) {

    public SnapshotPolicy {
        if (intervalBytes < 0) {
            throw new IllegalArgumentException("the snapshot interval must not be negative: " + intervalBytes);
        }
    }

    /** Enabled, every 256 MiB of journal and at close. */
    public static SnapshotPolicy defaults() {
        return new SnapshotPolicy(true, 256L << 20);
    }

    /** No snapshots: every start replays the whole journal. */
    public static SnapshotPolicy disabled() {
        return new SnapshotPolicy(false, 0);
    }

    /** Whether a snapshot is due after {@code bytes} of journal appended since the last one. */
    boolean dueAfter(long bytes) {
        return enabled && intervalBytes > 0 && bytes >= intervalBytes;
    }
}
