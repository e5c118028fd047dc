package dev.timelines.adapters.out.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A request's records are awaited only in the partitions that started at the same point as the record's: those
 * from snapshots of one cut, or all those from their start.
 */
class StartPointsTest {

    @Test
    void partitionsStartedAtOnePointAwaitEachOthersRecordsAndNoOthers() {
        UUID mine = UUID.randomUUID();
        UUID theirs = UUID.randomUUID();
        StartPoints start = new StartPoints(Set.of(0, 1, 2, 3, 4, 5), Map.of(
                0, new PartitionSnapshotFile.Cover(10, numbering(40), 0, mine),
                1, new PartitionSnapshotFile.Cover(7, numbering(41), 3, mine),
                2, new PartitionSnapshotFile.Cover(12, numbering(57), 5, theirs)));

        assertEquals(Set.of(0, 1), start.coupledWith(0));
        assertEquals(Set.of(0, 1), start.coupledWith(1));
        assertEquals(Set.of(2), start.coupledWith(2));
        assertEquals(Set.of(3, 4, 5), start.coupledWith(4));
        assertEquals(Set.of(Set.of(0, 1), Set.of(2), Set.of(3, 4, 5)), start.groups());
        assertEquals(57, start.highestSeq());
        assertEquals(5, start.horizon());
        assertEquals(12, start.offset(2).getAsLong());
        assertEquals(true, start.offset(3).isEmpty());
        assertEquals(Set.of(Set.of(0, 1, 2)), StartPoints.fromStart(Set.of(0, 1, 2)).groups());
    }

    private static PartitionNumbering numbering(long highestSeq) {
        return new PartitionNumbering(highestSeq, 0, PartitionNumbering.NONE_RECEIVED);
    }
}
