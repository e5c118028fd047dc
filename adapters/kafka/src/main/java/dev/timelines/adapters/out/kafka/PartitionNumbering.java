package dev.timelines.adapters.out.kafka;

/**
 * What the applier keeps of one partition that numbers the partition's later records (docs/scaling.md,
 * "Snapshots"): a snapshot carries it, so that a node starting after the snapshot numbers every later record as a
 * node replaying the partition from its start does. The verdicts are not part of it: they are kept for a while
 * only ({@link Verdicts}), and are lost anyway whenever the group moves partitions.
 *
 * @param highestSeq the highest seq the partition's records took (an import goes above it), 0 before any
 * @param seqFloor the partition's floor in {@link LogSeqs}: the later records' seqs lie above it
 * @param latestReceived the latest reception time a record of the partition was given (reception never goes back
 *     along a partition's log), {@link #NONE_RECEIVED} before any
 */
record PartitionNumbering(long highestSeq, long seqFloor, long latestReceived) {

    /** The latest reception time of a partition no event was numbered in yet. */
    static final long NONE_RECEIVED = Long.MIN_VALUE;
}
