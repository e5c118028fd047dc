package dev.timelines.adapters.out.kafka;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per partition, a seq at or below which every write of the partition is visible in the engine: the seq of the
 * record before the first one not applied yet (seqs increase along the log). The partition's durable seq for the
 * transitions stream ({@link PartitionHistory}). The seqs of different partitions
 * interleave in no order a node can see, hence one per partition. Written by the applier, read by any thread.
 */
final class AppliedSeqs {

    private final Map<Integer, Long> highest = new ConcurrentHashMap<>();

    void applied(int partition, long seq) {
        highest.merge(partition, seq, Math::max);
    }

    /** The partition's durable seq; 0 before its first write. */
    long of(int partition) {
        return highest.getOrDefault(partition, 0L);
    }
}
