package dev.timelines.adapters.out.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.timelines.application.port.out.SeqConflictException;
import dev.timelines.application.port.out.StorageStartingException;
import dev.timelines.domain.Event;
import dev.timelines.domain.IncomingEvent;
import dev.timelines.domain.JsonValue;
import dev.timelines.domain.TimelineEvent;
import dev.timelines.domain.TimelineKey;
import dev.timelines.domain.Timestamp;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A node starting on partitions it has snapshots of loads them and reads only the records after them, and answers
 * every question as a node replaying the topic from its start does: restarted after random workloads (out-of-order
 * events, repeated ids, {@code 1} and {@code 1.0}, deletes) with snapshots taken at random points, gaining the
 * partitions of another node of the same machine and directory, and with damaged snapshots, which it ignores.
 */
class PartitionSnapshotsTest {

    private static final long BASE = 1_700_000_000_000_000L;
    private static final Duration NOT_BY_TIME = Duration.ofHours(1);

    @TempDir
    Path dir;

    private int replays;

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void aRestartedNodeReadsOnlyTheRecordsAfterItsSnapshotsAndAnswersAsOneReplayingTheTopic() throws Exception {
        KafkaStoreOptions options = KafkaStores.options("snapshots-restart").withSnapshots(dir, NOT_BY_TIME);
        Random random = new Random(29);
        Written written = new Written(random);
        for (int round = 0; round < 4; round++) {
            try (KafkaEventStore node = KafkaEventStore.open(options)) {
                if (round > 0) {
                    assertEquals(written.afterSnapshot, node.recordsRead(),
                            "round " + round + ": the node read the records after its snapshots, no others");
                    assertAnswersAsReplayed(node, options, written);
                }
                int requests = 4 + random.nextInt(12);
                int snapshotAt = random.nextInt(requests + 1);
                for (int request = 0; request <= requests; request++) {
                    if (request == snapshotAt) {
                        node.snapshot().get(30, TimeUnit.SECONDS);
                        written.afterSnapshot.clear();
                    }
                    if (request < requests) {
                        written.request(node);
                    }
                }
            }
        }
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void aNodeGainingAnotherNodesPartitionsLoadsTheSnapshotsItLeftInTheDirectory() throws Exception {
        KafkaStoreOptions writing = KafkaStores.options("snapshots-gained");
        Random random = new Random(31);
        try (KafkaEventStore writer = KafkaEventStore.open(writing)) {
            Written written = new Written(random);
            for (int request = 0; request < 12; request++) {
                written.request(writer);
            }
            KafkaEventStore first = KafkaEventStore.open(member(writing, 1));
            KafkaEventStore second = KafkaEventStore.open(member(writing, 2));
            try {
                awaitSplitAndApplied(writer, first, second);
                // The members' snapshots at different points: requests spanning their partitions are, after the
                // first node's snapshot and before the second's, not whole in either (docs/scaling.md, "Snapshots").
                first.snapshot().get(30, TimeUnit.SECONDS);
                written.afterSnapshot.clear();
                for (int request = 0; request < 6; request++) {
                    written.request(writer);
                }
                awaitSplitAndApplied(writer, first, second);
                second.snapshot().get(30, TimeUnit.SECONDS);
                Map<Integer, Long> afterFirsts = new HashMap<>(written.afterSnapshot);
                written.afterSnapshot.clear();
                for (int request = 0; request < 8; request++) {
                    written.request(writer);
                }
                Map<Integer, Long> expected = new HashMap<>(written.afterSnapshot);
                first.part().owned().forEach(partition -> afterFirsts.computeIfPresent(partition,
                        (p, count) -> expected.merge(p, count, Long::sum)));
                second.close();
                awaitWhole(first);
                assertEquals(expected, first.recordsRead(),
                        "the partitions gained were read after the other node's snapshots, the others after its own");
                ClusterAnswersTest.assertSameAnswers(ClusterAnswersTest.Node.whole(writer),
                        ClusterAnswersTest.Node.whole(first), random);
                assertEquals(events(writer), events(first));
            } finally {
                first.close();
                second.close();
            }
        }
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void aDamagedSnapshotIsIgnoredAndItsPartitionReadFromTheStart() throws Exception {
        KafkaStoreOptions options = KafkaStores.options("snapshots-damaged").withSnapshots(dir, NOT_BY_TIME);
        Random random = new Random(37);
        Written written = new Written(random);
        try (KafkaEventStore node = KafkaEventStore.open(options)) {
            for (int request = 0; request < 12; request++) {
                written.request(node);
            }
            node.snapshot().get(30, TimeUnit.SECONDS);
        }
        PartitionSnapshotFile files = new PartitionSnapshotFile(dir, options.topic());
        try (RandomAccessFile flipped = new RandomAccessFile(files.path(0).toFile(), "rw")) {
            long middle = flipped.length() / 2;
            flipped.seek(middle);
            int b = flipped.read();
            flipped.seek(middle);
            flipped.write(b ^ 0x10);
        }
        try (RandomAccessFile truncated = new RandomAccessFile(files.path(1).toFile(), "rw")) {
            truncated.setLength(truncated.length() - 3);
        }
        Files.write(files.path(2), new byte[0]);
        try (KafkaEventStore restarted = KafkaEventStore.open(options);
                KafkaEventStore replaying = KafkaEventStore.open(replaying(options))) {
            Map<Integer, Long> read = restarted.recordsRead();
            for (int partition : List.of(0, 1, 2)) {
                assertEquals(replaying.recordsRead().get(partition), read.get(partition),
                        "partition " + partition + " is read from its start");
            }
            assertEquals(null, read.get(3), "partition 3 starts after its snapshot");
            ClusterAnswersTest.assertSameAnswers(ClusterAnswersTest.Node.whole(replaying),
                    ClusterAnswersTest.Node.whole(restarted), random);
            assertEquals(events(replaying), events(restarted));
        }
    }

    /**
     * Seqs come from the log ({@link LogSeqs}): a node started from its snapshots numbers the records after them as
     * a node replaying the topic from its start does, after an import raised every partition's floor, with writes
     * through another node received earlier than those before the snapshot (reception never goes back along a
     * partition); its durable seq of each partition for the stream is the same; and an import must go above the
     * seqs the snapshots hold.
     */
    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void aNodeStartedFromSnapshotsNumbersTheLaterRecordsAsOneReplayingTheTopic() throws Exception {
        KafkaStoreOptions options = KafkaStores.options("snapshots-numbering").withSnapshots(dir, NOT_BY_TIME);
        Random random = new Random(41);
        long imported = 1L << 20;
        try (KafkaEventStore writer = KafkaEventStore.open(replaying(options))) {
            try (KafkaEventStore node = KafkaEventStore.open(options)) {
                awaitWhole(node);
                node.restore(imported(imported, 8));
                RandomWrites.write(writer, random, 12, "k", new Timestamp(BASE + 100_000_000L));
                awaitSame(writer, node);
                node.snapshot().get(30, TimeUnit.SECONDS);
            }
            try (KafkaEventStore restarted = KafkaEventStore.open(options)) {
                awaitWhole(restarted);
                assertEquals(Map.of(), restarted.recordsRead(), "started from the snapshots");
                assertThrows(SeqConflictException.class, () -> restarted.restore(imported(imported + 7, 1)),
                        "the import's last seq lies in the snapshots");

                RandomWrites.write(writer, random, 12, "k", new Timestamp(BASE));
                try (KafkaEventStore replaying = KafkaEventStore.open(replaying(options))) {
                    awaitSame(replaying, restarted);
                    assertTrue(events(restarted).stream().allMatch(event -> event.event().seq() > imported
                            || event.timeline().value().startsWith("imported")), "numbered above the floor");

                    restarted.restore(imported(1L << 30, 4));
                    RandomWrites.write(writer, random, 6, "k", new Timestamp(BASE));
                    awaitSame(writer, restarted);
                    awaitSame(replaying, restarted);
                }
            }
        }
    }

    /** An import: {@code count} events of timelines of their own, their seqs from {@code first} on. */
    private static List<TimelineEvent> imported(long first, int count) {
        List<TimelineEvent> events = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            events.add(new TimelineEvent(new TimelineKey("imported-" + first + "-" + n), new Event(
                    new Timestamp(BASE), first + n, new Timestamp(BASE), Optional.empty(), JsonValue.Obj.EMPTY)));
        }
        return events;
    }

    /**
     * Until both nodes hold the same events, with the same seqs and reception times, and the same durable seq of
     * each partition; a minute at most, then the difference fails the test (a store numbered otherwise never comes
     * to equal).
     */
    private static void awaitSame(KafkaEventStore expected, KafkaEventStore actual) throws InterruptedException {
        for (int attempt = 0; attempt < 1200; attempt++) {
            try {
                if (numbered(expected).equals(numbered(actual))) {
                    return;
                }
            } catch (StorageStartingException starting) {
                // partitions being applied
            }
            Thread.sleep(50);
        }
        assertEquals(numbered(expected), numbered(actual));
    }

    /** The node's events and, per partition, its durable seq. */
    private static List<Object> numbered(KafkaEventStore node) {
        Map<Integer, Long> durable = new HashMap<>();
        for (int partition = 0; partition < KafkaStores.PARTITIONS; partition++) {
            durable.put(partition, node.part().seqs().of(partition));
        }
        return List.of(events(node), durable);
    }

    /** What a test wrote, and the records of each partition written after the last snapshot. */
    private static final class Written {

        private final Random random;
        private final Map<Integer, Long> afterSnapshot = new HashMap<>();
        private int requests;

        Written(Random random) {
            this.random = random;
        }

        /**
         * A random request, sometimes sent twice (its ids then duplicates, which the owner skips but the log holds),
         * sometimes a timeline deleted after (a tombstone, whether the timeline had events or not).
         */
        void request(KafkaEventStore node) {
            List<IncomingEvent> events = ClusterAnswersTest.randomRequest(random);
            Timestamp received = new Timestamp(BASE + requests++ * 1_000_000L);
            int sends = random.nextInt(5) == 0 ? 2 : 1;
            for (int send = 0; send < sends; send++) {
                node.append(events, received);
                events.forEach(event -> afterSnapshot.merge(node.partitionOf(event.timeline()), 1L, Long::sum));
            }
            if (random.nextInt(4) == 0) {
                TimelineKey deleted = new TimelineKey("k" + random.nextInt(10));
                node.delete(deleted);
                afterSnapshot.merge(node.partitionOf(deleted), 1L, Long::sum);
            }
        }
    }

    private void assertAnswersAsReplayed(KafkaEventStore node, KafkaStoreOptions options, Written written) {
        try (KafkaEventStore replaying = KafkaEventStore.open(replaying(options))) {
            ClusterAnswersTest.assertSameAnswers(ClusterAnswersTest.Node.whole(replaying),
                    ClusterAnswersTest.Node.whole(node), written.random);
            assertEquals(events(replaying), events(node));
            assertEquals(replaying.timelineCount(), node.timelineCount());
        }
        // A new event is numbered after every seq its partition's snapshot and records after it took.
        TimelineKey fresh = new TimelineKey("fresh-" + replays);
        int partition = node.partitionOf(fresh);
        long highest = events(node).stream().filter(event -> node.partitionOf(event.timeline()) == partition)
                .mapToLong(event -> event.event().seq()).max().orElse(0);
        node.append(List.of(new IncomingEvent(fresh, new Timestamp(BASE), Optional.empty(),
                new JsonValue.Obj(Map.of()))), new Timestamp(BASE));
        assertTrue(node.timeline(fresh).orElseThrow().events().get(0).seq() > highest);
        assertTrue(node.delete(fresh));
        written.afterSnapshot.merge(partition, 2L, Long::sum);
    }

    /** A node of a group of its own, without snapshots: it replays the topic from its start. */
    private KafkaStoreOptions replaying(KafkaStoreOptions options) {
        String name = options.topic() + "-replay-" + ++replays;
        return new KafkaStoreOptions(options.bootstrapServers(), options.topic(), options.partitions(),
                options.replication(), name, name, "http://" + name, options.timeout(), Map.of());
    }

    private KafkaStoreOptions member(KafkaStoreOptions writing, int n) {
        return new KafkaStoreOptions(writing.bootstrapServers(), writing.topic(), writing.partitions(),
                writing.replication(), writing.topic() + "-members", "member-" + n, "http://member-" + n,
                writing.timeout(), Map.of()).withSnapshots(dir, NOT_BY_TIME);
    }

    private static List<TimelineEvent> events(KafkaEventStore store) {
        List<TimelineEvent> events = new ArrayList<>();
        store.inSeqOrder(Optional.empty(), events::add);
        return events;
    }

    /** Until the two members own two partitions each and have applied what the writer wrote. */
    private static void awaitSplitAndApplied(KafkaEventStore writer, KafkaEventStore first, KafkaEventStore second)
            throws InterruptedException {
        for (int attempt = 0; attempt < 1200; attempt++) {
            try {
                if (first.part().owned().size() == 2 && second.part().owned().size() == 2
                        && first.part().engine().eventCount() + second.part().engine().eventCount()
                                == writer.eventCount()) {
                    return;
                }
            } catch (StorageStartingException moving) {
                // partitions being applied
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the members did not split the partitions and apply them");
    }

    /** Until the node owns and has applied every partition. */
    private static void awaitWhole(KafkaEventStore node) throws InterruptedException {
        for (int attempt = 0; attempt < 1200; attempt++) {
            try {
                node.timelineCount();
                node.timeline(new TimelineKey("k0"));
                if (Set.copyOf(node.owners().byPartition().values()).size() == 1) {
                    return;
                }
            } catch (StorageStartingException moving) {
                // partitions being applied
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the node did not gain every partition");
    }
}
