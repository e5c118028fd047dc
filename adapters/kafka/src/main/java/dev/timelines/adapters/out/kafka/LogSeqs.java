package dev.timelines.adapters.out.kafka;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;

/**
 * The seq of a record, decided by where it lies in the log (docs/semantics.md, "Seq"; docs/scaling.md, "Kafka"):
 * {@code seq = floor + offset × 1024 + partition + 1} (seqs start at 1). Unique in the store, since two partitions
 * never share the remainder by 1024; increasing along each partition's log, hence along each timeline's arrival; and
 * identical on every node replaying the log, whichever node wrote the record. The floor is 0 until an import (which keeps its seqs) puts a
 * floor record in every partition: the partition's later records then number above the import's highest seq.
 */
final class LogSeqs {

    /** The most partitions a topic may have: the partition takes the low ten bits of a seq. */
    static final int MAX_PARTITIONS = 1 << 10;
    /** The header of a floor record: the highest seq an import kept. */
    static final String FLOOR = "timelines-seq-floor";
    /** The header of an imported event's record: it keeps the seq it carries. */
    static final String KEPT = "timelines-seq-kept";

    /** Per partition, the multiple of {@link #MAX_PARTITIONS} its seqs start from. */
    private final Map<Integer, Long> floors = new HashMap<>();

    /** Refuses a topic whose partitions a seq cannot tell apart. */
    static void check(String topic, int partitions) {
        if (partitions > MAX_PARTITIONS) {
            throw new IllegalArgumentException("topic " + topic + " has " + partitions + " partitions: at most "
                    + MAX_PARTITIONS + " are supported, since a seq is offset × " + MAX_PARTITIONS + " + partition");
        }
    }

    /** The seq of the record at the offset of the partition. */
    long of(int partition, long offset) {
        return floors.getOrDefault(partition, 0L) + offset * MAX_PARTITIONS + partition + 1;
    }

    /** Takes in a floor record read from the partition: every later record's seq lies above the seq it names. */
    void floor(int partition, Header floor) {
        long above = ByteBuffer.wrap(floor.value()).getLong() + 1;
        long base = Math.floorDiv(above + MAX_PARTITIONS - 1, MAX_PARTITIONS) * MAX_PARTITIONS;
        floors.merge(partition, base, Math::max);
    }

    void clear() {
        floors.clear();
    }

    static Header floorHeader(long highestKept) {
        return new RecordHeader(FLOOR, ByteBuffer.allocate(Long.BYTES).putLong(highestKept).array());
    }

    static Header keptHeader() {
        return new RecordHeader(KEPT, new byte[0]);
    }
}
