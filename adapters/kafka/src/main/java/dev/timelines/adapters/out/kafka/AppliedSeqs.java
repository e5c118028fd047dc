package dev.timelines.adapters.out.kafka;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per partition, the highest seq an engine has applied. A partition's records are applied in its log order and its
 * seqs increase along the log, so every write of the partition with a seq at or below it is visible in the engine:
 * the partition's durable seq for the transitions stream ({@link PartitionHistory}). The seqs of different partitions
 * interleave in no order a node can see, hence one per partition. Written by the applier, read by any thread.
 */
final class AppliedSeqs {

    private final Map<Integer, Long> highest = new ConcurrentHashMap<>();

    void applied(int partition, long seq) {
        highest.merge(partition, seq, Math::max);
    }

    /** The highest seq applied in the partition; 0 before its first write. */
    long of(int partition) {
        return highest.getOrDefault(partition, 0L);
    }
}
