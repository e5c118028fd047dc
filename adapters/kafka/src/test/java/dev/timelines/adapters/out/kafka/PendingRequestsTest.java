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
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Records are applied in each partition's log order whatever the order the partitions are read in: a tombstone
 * read while an earlier request still waits for its record in another partition deletes that request's events,
 * and a later request waits for the tombstone.
 */
class PendingRequestsTest {

    private static final TimelineKey KEY = new TimelineKey("k");
    private static final Set<Integer> BOTH = Set.of(0, 1);

    @Test
    void aTombstoneWaitsForTheRequestsBeforeItAndTheRequestsAfterItWaitForIt() {
        PendingRequests pending = new PendingRequests();
        List<PendingRequests.Applied> applied = new ArrayList<>();
        TimelineEvent first = event(1);
        TimelineEvent other = new TimelineEvent(new TimelineKey("other"), first.event());
        PendingRequests.Delete deletion = new PendingRequests.Delete(KEY, OptionalLong.of(2));
        TimelineEvent later = event(3);

        pending.event(1, BOTH, 2, first, 0, 0, applied::add);
        pending.delete(deletion, 0, 1, applied::add);
        pending.event(3, BOTH, 1, later, 0, 2, applied::add);
        assertEquals(List.of(), applied, "request 1 still waits for its record in partition 1");
        assertEquals(0, pending.appliedUpTo(0, 3));

        pending.event(1, BOTH, 2, other, 1, 0, applied::add);
        assertEquals(List.of(new PendingRequests.Events(List.of(first, other)), deletion,
                new PendingRequests.Events(List.of(later))), applied);
        assertEquals(3, pending.appliedUpTo(0, 3));
    }

    private static TimelineEvent event(long seq) {
        return new TimelineEvent(KEY, new Event(new Timestamp(seq), seq, new Timestamp(seq), Optional.empty(),
                JsonValue.Obj.EMPTY));
    }
}
