package dev.timelines.adapters.out.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.timelines.domain.Event;
import dev.timelines.domain.JsonValue;
import dev.timelines.domain.TimelineEvent;
import dev.timelines.domain.TimelineKey;
import dev.timelines.domain.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * Records are applied in each partition's log order whatever the order the partitions are read in: a tombstone
 * read while an earlier request still waits for its record in another partition deletes that request's events,
 * and a later request waits for the tombstone.
 */
class PendingRequestsTest {

    private static final TimelineKey KEY = new TimelineKey("k");

    @Test
    void aTombstoneWaitsForTheRequestsBeforeItAndTheRequestsAfterItWaitForIt() {
        PendingRequests pending = new PendingRequests();
        List<PendingRequests.Applied> applied = new ArrayList<>();
        TimelineEvent first = event(1);
        TimelineEvent other = new TimelineEvent(new TimelineKey("other"), first.event());
        PendingRequests.Delete deletion = new PendingRequests.Delete(OptionalLong.of(2), KEY, 2);
        TimelineEvent later = event(3);

        pending.event(1, 2, first, 0, 0, applied::add);
        pending.delete(deletion, 0, 1, applied::add);
        pending.event(3, 1, later, 0, 2, applied::add);
        assertEquals(List.of(), applied, "request 1 still waits for its record in partition 1");
        assertEquals(0, pending.appliedUpTo(0, 3));

        pending.event(1, 2, other, 1, 0, applied::add);
        assertEquals(List.of(new PendingRequests.Events(1, List.of(first, other)), deletion,
                new PendingRequests.Events(3, List.of(later))), applied);
        assertEquals(3, pending.appliedUpTo(0, 3));
    }

    /**
     * Two writers committed requests 1 and 2 in opposite orders in partitions 0 and 1: each waits for the other, so
     * request 1 is applied in partition 0 alone, then request 2, then the rest of request 1: each partition in its
     * log order.
     */
    @Test
    void requestsCommittedInOppositeOrdersInTwoPartitionsAreAppliedInEachPartitionsOrder() {
        PendingRequests pending = new PendingRequests();
        List<PendingRequests.Applied> applied = new ArrayList<>();
        TimelineEvent firstIn0 = event(1);
        TimelineEvent firstIn1 = event(2);
        TimelineEvent secondIn0 = event(3);
        TimelineEvent secondIn1 = event(4);

        pending.event(1, 2, firstIn0, 0, 0, applied::add);
        pending.event(2, 2, secondIn1, 1, 0, applied::add);
        pending.event(2, 2, secondIn0, 0, 1, applied::add);
        assertEquals(List.of(), applied, "request 1 still waits for its record in partition 1");
        pending.event(1, 2, firstIn1, 1, 1, applied::add);

        assertEquals(List.of(new PendingRequests.Events(1, List.of(firstIn0)),
                new PendingRequests.Events(2, List.of(secondIn0, secondIn1)),
                new PendingRequests.Events(1, List.of(firstIn1))), applied);
        assertEquals(2, pending.appliedUpTo(0, 2));
        assertEquals(2, pending.appliedUpTo(1, 2));
    }

    private static TimelineEvent event(long seq) {
        return new TimelineEvent(KEY, new Event(new Timestamp(seq), seq, new Timestamp(seq), Optional.empty(),
                JsonValue.Obj.EMPTY));
    }
}
