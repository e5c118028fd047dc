package dev.timelines.adapters.out.kafka;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;

/**
 * The seq of a record, decided by where it lies in the log (docs/semantics.md, "Seq"; docs/scaling.md, "Kafka"):
 * {@code seq = floor + offset × P + partition + 1} for a topic of P partitions (seqs start at 1). Unique in the
 * store, since two partitions never share the remainder by P; increasing along each partition's log, hence along
 * each timeline's arrival; and identical on every node replaying the log, whichever node wrote the record, since a
 * topic keeps its partition count. Dense while the partitions grow alike, which the engine's windows by seq (the
 * export, the stream's history) count on. The floor is 0 until an import (which keeps its seqs) puts a floor record
 * in every partition: the partition's later records then number above the import's highest seq.
 */
final class LogSeqs {

    /** The header of a floor record: the highest seq an import kept. */
    static final String FLOOR = "timelines-seq-floor";
    /** The header of an imported event's record: it keeps the seq it carries. */
    static final String KEPT = "timelines-seq-kept";

    private final int partitions;
    /**
     * Per partition, the floors by the offset from which each counts (the floor record's): a record numbered later,
     * once applied, keeps the floor in force at its own offset, and so does the durable seq computed from an offset.
     */
    private final Map<Integer, TreeMap<Long, Long>> floors = new HashMap<>();

    LogSeqs(int partitions) {
        this.partitions = partitions;
    }

    /** The seq of the record at the offset of the partition. */
    long of(int partition, long offset) {
        TreeMap<Long, Long> partitionFloors = floors.get(partition);
        Map.Entry<Long, Long> floor = partitionFloors == null ? null : partitionFloors.floorEntry(offset);
        return (floor == null ? 0 : floor.getValue()) + offset * partitions + partition + 1;
    }

    /** The multiple of the partition count the partition's later seqs start from: what its snapshot keeps. */
    long floorOf(int partition) {
        TreeMap<Long, Long> partitionFloors = floors.get(partition);
        return partitionFloors == null ? 0 : partitionFloors.lastEntry().getValue();
    }

    /** Takes up the floor a snapshot of the partition kept, for a node applying it from after that snapshot. */
    void resume(int partition, long floor) {
        floors.put(partition, new TreeMap<>(Map.of(Long.MIN_VALUE, floor)));
    }

    /**
     * Takes in a floor record read at the offset of the partition: every later record's seq lies above the seq it
     * names.
     */
    void floor(int partition, long offset, Header floor) {
        long above = ByteBuffer.wrap(floor.value()).getLong() + 1;
        long base = Math.max(floorOf(partition), Math.floorDiv(above + partitions - 1, partitions) * partitions);
        floors.computeIfAbsent(partition, none -> new TreeMap<>()).put(offset, base);
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
