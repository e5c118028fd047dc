package dev.timelines.adapters.out.journal;

import dev.timelines.domain.TimelineKey;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which events in the log are dead: for each deleted timeline, the seq its last durable deletion took (or, for a
 * deletion written before deletions took seqs, the highest seq before it). Seqs follow log order, so an event of that timeline is followed by a deletion exactly when its seq
 * is at most that one; seqs, unlike log positions, survive compaction unchanged.
 *
 * <p>A deletion is registered only once durable: compaction drops what it says is dead, and must not drop
 * events whose deletion a crash could still undo. Thread-safe.
 */
final class Deletions {

    private final Map<TimelineKey, Long> coveredUpTo = new ConcurrentHashMap<>();

    /** Registers a durable deletion of {@code key} that covered its events up to seq {@code upTo}. */
    void deleted(TimelineKey key, long upTo) {
        coveredUpTo.merge(key, upTo, Math::max);
    }

    /** Whether a deletion follows this event in the log. */
    boolean isDead(TimelineKey key, long seq) {
        Long upTo = coveredUpTo.get(key);
        return upTo != null && seq <= upTo;
    }

    /** The seq of the timeline's last registered deletion, which covers its events below it; zero when none. */
    long deletedAt(TimelineKey key) {
        return coveredUpTo.getOrDefault(key, 0L);
    }

    /** The deletions registered so far. */
    Map<TimelineKey, Long> snapshot() {
        return Map.copyOf(coveredUpTo);
    }

    /**
     * Forgets the deletions of {@code compacted} (a snapshot taken before a compaction) that covered nothing
     * beyond {@code throughSeq}, the highest seq of the compacted segments: that compaction removed every
     * event they made dead. Those registered or renewed since stay.
     */
    void forget(Map<TimelineKey, Long> compacted, long throughSeq) {
        compacted.forEach((key, upTo) -> {
            if (upTo <= throughSeq) {
                coveredUpTo.remove(key, upTo);
            }
        });
    }
}
