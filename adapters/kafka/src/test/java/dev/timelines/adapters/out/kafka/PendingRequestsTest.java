package dev.timelines.adapters.out.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.timelines.domain.Event;
import dev.timelines.domain.JsonValue;
import dev.timelines.domain.TimelineEvent;
import dev.timelines.domain.TimelineKey;
import dev.timelines.domain.Timestamp;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
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
        PendingRequests.Delete deletion = new PendingRequests.Delete(OptionalLong.of(2), KEY, 2);
        TimelineEvent later = event(3);

        pending.event(1, BOTH, 2, first, 0, 0, applied::add);
        pending.delete(deletion, 0, 1, applied::add);
        pending.event(3, BOTH, 1, later, 0, 2, applied::add);
        assertEquals(List.of(), applied, "request 1 still waits for its record in partition 1");
        assertEquals(0, pending.appliedUpTo(0, 3));

        pending.event(1, BOTH, 2, other, 1, 0, applied::add);
        assertEquals(List.of(new PendingRequests.Events(1, List.of(first, other)), deletion,
                new PendingRequests.Events(3, List.of(later))), applied);
        assertEquals(3, pending.appliedUpTo(0, 3));
    }

    /**
     * Partitions 0 and 1 started at different points (one after a snapshot, one from its start): a request's records
     * are awaited only in the partitions that started where the record's did ({@link StartPoints}), so each part is
     * applied on its own, while a request awaited in both waits for both; a partition waits while a record read in it
     * is not applied, which is when no snapshot of it may be written.
     */
    @Test
    void aRequestIsAwaitedOnlyInThePartitionsThatStartedAtTheSamePoint() {
        PendingRequests pending = new PendingRequests();
        List<PendingRequests.Applied> applied = new ArrayList<>();
        TimelineEvent in0 = event(1);
        TimelineEvent in1 = new TimelineEvent(new TimelineKey("other"), event(2).event());

        pending.event(7, BOTH, 2, in0, 0, 0, applied::add);
        assertEquals(List.of(), applied, "awaited in both partitions: its record in partition 1 is still to read");
        assertEquals(true, pending.waiting(0));
        assertEquals(false, pending.waiting(1));
        pending.clear();

        TimelineEvent alsoIn0 = event(3);
        pending.event(7, Set.of(0), 2, in0, 0, 0, applied::add);
        pending.event(7, Set.of(1), 1, in1, 1, 0, applied::add);
        assertEquals(List.of(new PendingRequests.Events(7, List.of(in1))), applied,
                "partition 1's part, not waiting for partition 0's second record");
        assertEquals(true, pending.waiting(0));
        pending.event(7, Set.of(0), 2, alsoIn0, 0, 1, applied::add);
        assertEquals(List.of(new PendingRequests.Events(7, List.of(in1)),
                new PendingRequests.Events(7, List.of(in0, alsoIn0))), applied);
        assertEquals(false, pending.waiting(0));
        assertEquals(1, pending.appliedUpTo(1, 1));
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

        pending.event(1, BOTH, 2, firstIn0, 0, 0, applied::add);
        pending.event(2, BOTH, 2, secondIn1, 1, 0, applied::add);
        pending.event(2, BOTH, 2, secondIn0, 0, 1, applied::add);
        assertEquals(List.of(), applied, "request 1 still waits for its record in partition 1");
        pending.event(1, BOTH, 2, firstIn1, 1, 1, applied::add);

        assertEquals(List.of(new PendingRequests.Events(1, List.of(firstIn0)),
                new PendingRequests.Events(2, List.of(secondIn0, secondIn1)),
                new PendingRequests.Events(1, List.of(firstIn1))), applied);
        assertEquals(2, pending.appliedUpTo(0, 2));
        assertEquals(2, pending.appliedUpTo(1, 2));
    }

    /**
     * Requests of up to two records in each of up to four partitions, committed by several writers at once: each
     * partition holds them in an order of its own, and the consumer reads the partitions in any interleaving. Every
     * record is applied once, every partition in its log order, and once all is read each is applied to its end.
     */
    @Property(tries = 300)
    void everyRecordIsAppliedOnceInItsPartitionsLogOrder(@ForAll Random random) {
        int partitions = 1 + random.nextInt(4);
        List<Long> requests = LongStream.rangeClosed(1, 1 + random.nextInt(6)).boxed().toList();
        Map<Long, Integer> expected = new HashMap<>();
        Map<Integer, List<TimelineEvent>> logs = new HashMap<>();
        long seq = 0;
        for (int partition = 0; partition < partitions; partition++) {
            List<Long> committed = new ArrayList<>(requests);
            Collections.shuffle(committed, random);
            List<TimelineEvent> log = new ArrayList<>();
            for (long request : committed) {
                for (int record = random.nextInt(4) - 1; record >= 0; record--) {
                    log.add(event(++seq, request, partition));
                    expected.merge(request, 1, Integer::sum);
                }
            }
            logs.put(partition, log);
        }
        Set<Integer> all = IntStream.range(0, partitions).boxed().collect(Collectors.toSet());
        PendingRequests pending = new PendingRequests();
        List<TimelineEvent> applied = new ArrayList<>();
        int[] read = new int[partitions];
        for (long left = seq; left > 0;) {
            int partition = random.nextInt(partitions);
            if (read[partition] < logs.get(partition).size()) {
                TimelineEvent next = logs.get(partition).get(read[partition]);
                long request = next.event().timestamp().micros();
                pending.event(request, all, expected.get(request), next, partition, read[partition]++,
                        done -> applied.addAll(((PendingRequests.Events) done).events()));
                left--;
            }
        }

        assertEquals(seq, applied.size(), "every record applied");
        assertEquals(seq, applied.stream().distinct().count(), "none twice");
        logs.forEach((partition, log) -> {
            assertEquals(log, applied.stream().filter(event -> event.timeline().value().equals("p" + partition))
                    .toList(), "partition " + partition + " in its log order");
            assertEquals(log.size(), pending.appliedUpTo(partition, log.size()));
        });
    }

    /** An event of a request ({@code timestamp}) in a partition ({@code timeline}), told apart by its seq. */
    private static TimelineEvent event(long seq, long request, int partition) {
        return new TimelineEvent(new TimelineKey("p" + partition), new Event(new Timestamp(request), seq,
                new Timestamp(seq), Optional.empty(), JsonValue.Obj.EMPTY));
    }

    private static TimelineEvent event(long seq) {
        return new TimelineEvent(KEY, new Event(new Timestamp(seq), seq, new Timestamp(seq), Optional.empty(),
                JsonValue.Obj.EMPTY));
    }
}
