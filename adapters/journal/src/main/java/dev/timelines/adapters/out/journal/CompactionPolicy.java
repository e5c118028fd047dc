package dev.timelines.adapters.out.journal;

/**
 * When the journal compacts on its own: once the events of deleted timelines take at least
 * {@code minDeadBytes} of the closed segments, and at least {@code minDeadRatio} of their bytes. A
 * compaction rewrites every live event of the closed segments, so the ratio bounds that work: at 0.5, each
 * byte rewritten reclaims at least one.
 *
 * @param automatic whether to compact on those conditions; otherwise only when asked
 *     ({@link JournalEventStore#compact()})
 * @param minDeadBytes the least a compaction should reclaim, in bytes
 * @param minDeadRatio the least share of the closed segments' bytes it should reclaim, in [0, 1]
 */
public record CompactionPolicy(boolean automatic, long minDeadBytes, double minDeadRatio) {

    public CompactionPolicy {
        if (minDeadBytes < 0) {
            throw new IllegalArgumentException("minimum dead bytes must not be negative: " + minDeadBytes);
        }
        if (!(minDeadRatio >= 0 && minDeadRatio <= 1)) {
            throw new IllegalArgumentException("minimum dead ratio must lie in [0, 1]: " + minDeadRatio);
        }
    }

    /** Automatic, once deleted timelines take 64 MiB and half of the closed segments. */
    public static CompactionPolicy defaults() {
        return new CompactionPolicy(true, 64L << 20, 0.5);
    }

    /** Compaction only when asked. */
    public static CompactionPolicy onRequestOnly() {
        return new CompactionPolicy(false, 0, 0);
    }
}
