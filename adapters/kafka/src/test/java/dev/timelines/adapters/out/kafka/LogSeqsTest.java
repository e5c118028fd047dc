package dev.timelines.adapters.out.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class LogSeqsTest {

    @Test
    void aRecordReadBeforeAnImportsFloorKeepsTheFloorInForceAtItsOffset() {
        LogSeqs seqs = new LogSeqs(4);
        assertEquals(9 * 4 + 1 + 1, seqs.of(1, 9));
        seqs.floor(1, 10, LogSeqs.floorHeader(1000));
        // A record at offset 9, still waiting to be applied when the floor record at 10 was read, and the durable
        // seq computed from its offset, keep the numbering they had: the floor counts from its own offset on.
        assertEquals(9 * 4 + 1 + 1, seqs.of(1, 9));
        assertEquals(1004 + 11 * 4 + 1 + 1, seqs.of(1, 11));
        assertEquals(1004, seqs.floorOf(1));
        assertEquals(0, seqs.floorOf(2));
    }

    @Test
    void aResumedPartitionNumbersEveryLaterRecordFromTheSnapshotsFloor() {
        LogSeqs seqs = new LogSeqs(3);
        seqs.resume(2, 300);
        assertEquals(300 + 50 * 3 + 2 + 1, seqs.of(2, 50));
        seqs.floor(2, 60, LogSeqs.floorHeader(100));
        assertEquals(300, seqs.floorOf(2), "a floor never goes down");
    }

    /** Unique in the store and increasing along each partition's log, whatever floors imports put in. */
    @Property(tries = 200)
    void seqsAreUniqueAndIncreaseAlongEachPartitionsLog(@ForAll @IntRange(min = 1, max = 64) int partitions,
            @ForAll Random random) {
        LogSeqs seqs = new LogSeqs(partitions);
        Set<Long> given = new HashSet<>();
        for (int partition = 0; partition < partitions; partition++) {
            long previous = 0;
            for (long offset = 0; offset < 40; offset++) {
                if (random.nextInt(8) == 0) {
                    seqs.floor(partition, offset, LogSeqs.floorHeader(random.nextInt(1_000_000)));
                    continue;
                }
                long seq = seqs.of(partition, offset);
                assertTrue(seq > previous, "seq " + seq + " after " + previous + " in partition " + partition);
                assertTrue(given.add(seq), "seq " + seq + " given twice");
                previous = seq;
            }
        }
    }
}
