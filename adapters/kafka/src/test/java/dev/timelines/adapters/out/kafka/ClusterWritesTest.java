package dev.timelines.adapters.out.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.timelines.adapters.out.memory.InMemoryEventStore;
import dev.timelines.application.port.out.StorageStartingException;
import dev.timelines.application.port.out.StorageUnavailableException;
import dev.timelines.application.port.in.PageRequest;
import dev.timelines.application.service.PartService;
import dev.timelines.application.service.SearchTimelinesService;
import dev.timelines.domain.Event;
import dev.timelines.domain.EventId;
import dev.timelines.domain.IncomingEvent;
import dev.timelines.domain.IngestResult;
import dev.timelines.domain.JsonValue;
import dev.timelines.domain.Timeline;
import dev.timelines.domain.TimelineEvent;
import dev.timelines.domain.TimelineKey;
import dev.timelines.domain.Timestamp;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Writes through any node of a cluster (docs/scaling.md, "Kafka"): three nodes of one group on a topic of 4
 * partitions, each writing requests whose partitions it may not own. The owners number the events and decide the
 * duplicates in log order, and the writer's reply carries their exact verdict: requests through the three nodes in
 * turn, with ids repeated across nodes and deletes, are answered as one memory engine fed the same requests answers,
 * and every node then holds what that engine holds; requests written at once through the three nodes count every
 * event exactly once. A request spanning partitions of different owners is stored whole; when an owner does not
 * answer, the reply is a 503 saying the request is committed, and sending it again counts its events as duplicates.
 * A read naming the positions a write replied with sees the write on any node, or is a 503 naming the partitions
 * not applied. An import, which keeps its seqs, is refused by a node not owning every partition. The nodes ask each
 * other in this JVM here; over HTTP in the service.
 */
class ClusterWritesTest {

    private static final long BASE = 1_700_000_000_000_000L;

    /** A node, and what its requests name and are told. */
    private record Node(KafkaEventStore store, ClusterParts parts, PartService part, Told told,
            SearchTimelinesService search) {
    }

    private final Map<String, Node> nodes = new ConcurrentHashMap<>();
    private final Set<String> silent = ConcurrentHashMap.newKeySet();
    /** A thread per question being answered, as the service's HTTP workers: an owner waits while it applies. */
    private final ExecutorService answering = Executors.newCachedThreadPool();

    @AfterEach
    void closeNodes() {
        nodes.values().forEach(node -> node.store().close());
        answering.shutdownNow();
    }

    @Test
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void everyNodeWritesWithTheVerdictOfOneStore() throws Exception {
        List<Node> three = openCluster("cluster-writes");
        InMemoryEventStore reference = new InMemoryEventStore();
        Random random = new Random(1207);
        for (int request = 0; request < 40; request++) {
            Node through = three.get(request % 3);
            if (request % 9 == 8) {
                TimelineKey key = key(random.nextInt(8));
                assertEquals(reference.delete(key), through.parts().delete(key), "delete of " + key.value());
            } else {
                List<IncomingEvent> events = randomRequest(random);
                Timestamp received = new Timestamp(BASE + request * 1_000_000L);
                assertEquals(reference.append(events, received), through.parts().append(events, received),
                        "request " + request + " through " + through.store().owners().address());
            }
        }
        for (Node node : three) {
            for (int k = 0; k < 8; k++) {
                assertEquals(stored(reference.timeline(key(k))), stored(node.parts().timeline(key(k))),
                        "timeline k" + k + " on " + node.store().owners().address());
            }
        }

        // At once through the three nodes, the same ids: each event is counted exactly once, as stored or duplicate.
        ExecutorService writers = Executors.newFixedThreadPool(3);
        List<Future<IngestResult>> replies = new ArrayList<>();
        int sent = 0;
        for (int round = 0; round < 10; round++) {
            for (Node node : three) {
                List<IncomingEvent> events = randomRequest(random);
                sent += events.size();
                replies.add(writers.submit(() -> node.parts().append(events, new Timestamp(BASE))));
            }
        }
        int accepted = 0;
        int counted = 0;
        for (Future<IngestResult> reply : replies) {
            IngestResult result = reply.get(60, TimeUnit.SECONDS);
            accepted += result.accepted();
            counted += result.accepted() + result.duplicates();
        }
        writers.shutdown();
        assertEquals(sent, counted, "every event sent is counted once, as accepted or as a duplicate");
        for (Node node : three) {
            assertEquals(reference.eventCount() + accepted, count(node), "what the replies accepted is what is"
                    + " stored, on " + node.store().owners().address());
        }
    }

    @Test
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void aRequestSpanningOwnersIsStoredWholeAndIsSafeToSendAgain() throws Exception {
        List<Node> three = openCluster("cluster-writes-span");
        Node writer = three.get(0);
        Node owner = three.get(1);
        Node other = three.get(2);
        List<IncomingEvent> spanning = List.of(event(keyOwnedBy(writer, owner), "a"), event(keyOwnedBy(writer, other),
                "b"), event(keyOwnedBy(writer, owner), "c"));

        assertEquals(new IngestResult(3, 0), writer.parts().append(spanning, new Timestamp(BASE)));
        for (Node node : three) {
            assertEquals(3, count(node), "the whole request on " + node.store().owners().address());
        }

        silent.add(other.store().owners().address());
        List<IncomingEvent> again = List.of(event(keyOwnedBy(writer, owner), "d"), event(keyOwnedBy(writer, other),
                "e"));
        StorageUnavailableException unconfirmed = assertThrows(StorageUnavailableException.class,
                () -> writer.parts().append(again, new Timestamp(BASE)));
        assertTrue(unconfirmed.getMessage().contains("committed") && unconfirmed.getMessage().contains("partitions "
                + List.of(writer.store().partitionOf(again.get(1).timeline()))), unconfirmed.getMessage());
        silent.clear();
        assertEquals(new IngestResult(0, 2), writer.parts().append(again, new Timestamp(BASE)),
                "the unconfirmed request was committed whole: sent again, its events are duplicates");
        for (Node node : three) {
            assertEquals(5, count(node), "each event once on " + node.store().owners().address());
        }
    }

    @Test
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void aReadNamingTheWrittenPositionsSeesTheWriteOnAnyNode() throws Exception {
        List<Node> three = openCluster("cluster-writes-read");
        Node writer = three.get(0);
        Node reader = three.get(1);
        TimelineKey key = keyOwnedBy(writer, three.get(2));
        for (int n = 0; n < 5; n++) {
            writer.parts().append(List.of(event(key, "r" + n)), new Timestamp(BASE));
            SortedMap<Integer, Long> written = writer.told().positions;
            assertEquals(Set.of(writer.store().partitionOf(key)), written.keySet(), "the positions written");

            reader.told().awaited = written;
            assertEquals(n + 1, reader.parts().timeline(key).orElseThrow().events().size());
            assertEquals(n + 1, count(reader), "the keys listed with the write's positions");
        }

        int partition = writer.store().partitionOf(key);
        reader.told().awaited = new TreeMap<>(Map.of(partition, writer.told().positions.get(partition) + 1_000));
        StorageStartingException notYet = assertThrows(StorageStartingException.class,
                () -> reader.parts().timeline(key));
        assertTrue(notYet.getMessage().contains("partition " + partition), notYet.getMessage());
        StorageStartingException notListed = assertThrows(StorageStartingException.class, () -> count(reader));
        assertTrue(notListed.getMessage().contains("partitions [" + partition + "]"), notListed.getMessage());

        // An import keeps its seqs: only a node owning every partition can check them, so this one refuses.
        StorageStartingException notImported = assertThrows(StorageStartingException.class, () -> reader.parts()
                .restore(List.of(new TimelineEvent(key, new Event(new Timestamp(BASE), 1L << 40, new Timestamp(BASE),
                        Optional.empty(), JsonValue.Obj.EMPTY)))));
        assertTrue(notImported.getMessage().contains("not applied on this node"), notImported.getMessage());
    }

    /** Opens three nodes of one group on a topic of its own and waits until each owns some partitions. */
    private List<Node> openCluster(String topic) throws InterruptedException {
        KafkaStoreOptions options = KafkaStores.options(topic);
        for (int n = 1; n <= 3; n++) {
            String address = "http://" + topic + "-n" + n;
            KafkaEventStore store = KafkaEventStore.open(new KafkaStoreOptions(options.bootstrapServers(),
                    options.topic(), options.partitions(), options.replication(), options.group(), "n" + n, address,
                    options.timeout(), Map.of()));
            Told told = new Told();
            ClusterParts parts = new ClusterParts(store, this::ask, Duration.ofSeconds(10), Duration.ofSeconds(1),
                    told);
            nodes.put(address, new Node(store, parts, new PartService(store, store), told,
                    new SearchTimelinesService(store, store, parts)));
        }
        for (int attempt = 0; attempt < 1200; attempt++) {
            if (nodes.values().stream().allMatch(ClusterWritesTest::settled)) {
                return nodes.keySet().stream().sorted().map(nodes::get).toList();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the group did not give each of three nodes some partitions");
    }

    private static boolean settled(Node node) {
        try {
            node.store().part();
        } catch (StorageStartingException applying) {
            return false;
        }
        return Set.copyOf(node.store().owners().byPartition().values()).size() == 3
                && node.store().owners().byPartition().size() == KafkaStores.PARTITIONS;
    }

    /** What a node's requests name and are told: the positions they must reflect, and those they wrote. */
    private static final class Told implements AnswerScope {

        private volatile SortedMap<Integer, Long> awaited = Collections.emptySortedMap();
        private volatile SortedMap<Integer, Long> positions;

        @Override
        public boolean partialAllowed() {
            return false;
        }

        @Override
        public void reflect(SortedMap<Integer, Long> answered, SortedSet<Integer> missing) {
            positions = answered;
        }

        @Override
        public SortedMap<Integer, Long> awaited() {
            return awaited;
        }
    }

    /** The in-JVM transport: the node at the address answers on another thread, or never when silenced. */
    private CompletableFuture<PartTransport.PartReply> ask(String address, byte[] asked) {
        if (silent.contains(address)) {
            return new CompletableFuture<>();
        }
        Node node = nodes.get(address);
        return CompletableFuture.supplyAsync(() -> node.parts().answer(asked, node.part()::part), answering);
    }

    /** A key whose partition {@code owner} owns, as {@code asking} knows the group's assignment. */
    private static TimelineKey keyOwnedBy(Node asking, Node owner) {
        return IntStream.range(0, 1000).mapToObj(k -> new TimelineKey("span-" + k))
                .filter(key -> owner.store().owners().address().equals(asking.store().owners().byPartition()
                        .get(asking.store().partitionOf(key))))
                .findFirst().orElseThrow();
    }

    /** The events a node holds: every timeline's its key search lists (the question asked of every owner). */
    private static long count(Node node) {
        return node.search().withPrefix("", Optional.empty(), new PageRequest(1000, Optional.empty())).items()
                .stream().mapToLong(key -> node.parts().timeline(key).orElseThrow().events().size()).sum();
    }

    /** A timeline's events as stored, but their seqs: the reference numbers them its own way. */
    private static List<List<Object>> stored(Optional<Timeline> timeline) {
        return timeline.map(found -> found.events().stream().map(event -> List.<Object>of(event.timestamp(),
                event.received(), event.id(), event.data())).toList()).orElse(List.of());
    }

    private static List<IncomingEvent> randomRequest(Random random) {
        List<IncomingEvent> events = new ArrayList<>();
        for (int event = 0; event < 1 + random.nextInt(8); event++) {
            Optional<EventId> id = random.nextInt(3) == 0 ? Optional.empty()
                    : Optional.of(new EventId("e" + random.nextInt(6)));
            events.add(new IncomingEvent(key(random.nextInt(8)), new Timestamp(BASE + random.nextInt(12) * 1_000_000L),
                    id, new JsonValue.Obj(Map.of("n", new JsonValue.Num(BigDecimal.valueOf(random.nextInt(5)))))));
        }
        return events;
    }

    private static IncomingEvent event(TimelineKey key, String id) {
        return new IncomingEvent(key, new Timestamp(BASE), Optional.of(new EventId(id)), JsonValue.Obj.EMPTY);
    }

    private static TimelineKey key(int k) {
        return new TimelineKey("k" + k);
    }
}
