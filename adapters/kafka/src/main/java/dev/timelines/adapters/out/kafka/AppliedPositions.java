package dev.timelines.adapters.out.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Up to where this node has applied each partition it owns: the offset of the next record to apply. A writer waits
 * here until the records it committed are applied, so that its reply and every later read on this node see them.
 */
final class AppliedPositions {

    private final Map<Integer, Long> next = new HashMap<>();

    synchronized void advance(int partition, long nextOffset) {
        next.merge(partition, nextOffset, Math::max);
        notifyAll();
    }

    /** The position of every partition applied here. */
    synchronized Map<Integer, Long> applied() {
        return Map.copyOf(next);
    }

    /** Forgets every position: the partitions are applied again from the start. */
    synchronized void clear() {
        next.clear();
        notifyAll();
    }

    /** Waits until every partition's record at the given offset is applied; false when the time ran out first. */
    synchronized boolean await(Map<Integer, Long> offsets, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!applied(offsets)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    private boolean applied(Map<Integer, Long> offsets) {
        return offsets.entrySet().stream().allMatch(offset -> next.getOrDefault(offset.getKey(), 0L) > offset.getValue());
    }
}
