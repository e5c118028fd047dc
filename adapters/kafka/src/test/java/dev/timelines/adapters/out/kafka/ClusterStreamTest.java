package dev.timelines.adapters.out.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.timelines.application.model.Scope;
import dev.timelines.application.model.TransitionChange;
import dev.timelines.application.model.TransitionFilter;
import dev.timelines.application.port.in.PageRequest;
import dev.timelines.application.port.in.PartitionedPosition;
import dev.timelines.application.port.in.WatchTransitionsUseCase.Message;
import dev.timelines.application.port.in.WatchTransitionsUseCase.Watch;
import dev.timelines.application.port.out.StorageStartingException;
import dev.timelines.application.service.PartitionedStreamService;
import dev.timelines.application.service.TransitionAnalysisService;
import dev.timelines.domain.Attribute;
import dev.timelines.domain.Timestamp;
import dev.timelines.domain.Transition;
import dev.timelines.domain.Window;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The transitions stream in cluster mode: three nodes of one group, each owning some of the topic's partitions, the
 * steps of the others' partitions asked of them ({@link KafkaStreamParts}, in the test's JVM). While a writer (a
 * group of its own, owning every partition) writes random requests (late events, repeated ids, deletes), a client
 * streams from one node, then resumes with its last position on another, which goes on with the other partitions while
 * a node does not answer and sends the silent node's once it answers again; then, after a node left the group and its
 * partitions moved, it resumes on a third: the fold of every message it received equals the writer's
 * {@code /transitions} with entries, transition for transition.
 */
class ClusterStreamTest {

    private static final Attribute STATUS = new Attribute("status");
    private static final long BASE = 1_700_000_000_000_000L;

    /** A node: its store, its cluster parts, and the stream it serves (steps of at most 40 seqs, to have many). */
    private record Node(KafkaEventStore store, ClusterParts parts, PartitionedStreamService streams) {

        static Node open(KafkaStoreOptions options, PartTransport transport) {
            KafkaEventStore store = KafkaEventStore.open(options);
            ClusterParts parts = new ClusterParts(store, transport, Duration.ofSeconds(3), Duration.ofSeconds(3),
                    AnswerScope.COMPLETE);
            return new Node(store, parts, new PartitionedStreamService(parts.streamParts(), 40, Duration.ofSeconds(3),
                    Duration.ofMillis(20)));
        }
    }

    private final Map<String, Node> nodes = new ConcurrentHashMap<>();
    private final Set<String> silent = ConcurrentHashMap.newKeySet();
    private final Map<Transition, Integer> folded = new HashMap<>();
    private String position;

    @Test
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void theStreamOfAnyNodeFoldsToTheWholeStoresTransitions() throws Exception {
        KafkaStoreOptions options = KafkaStores.options("cluster-stream");
        try (KafkaEventStore writer = KafkaEventStore.open(options)) {
            Random random = new Random(23);
            write(writer, random, 10);
            for (int n = 1; n <= 3; n++) {
                String address = "http://s" + n;
                nodes.put(address, Node.open(new KafkaStoreOptions(options.bootstrapServers(), options.topic(),
                        options.partitions(), options.replication(), "cluster-stream-nodes", "s" + n, address,
                        options.timeout(), Map.of()), this::ask));
            }
            List<Node> three = List.copyOf(nodes.values());
            Watch watch = opened(() -> three.get(0).streams().watch(STATUS, Optional.empty(), Optional.empty(), true,
                    Optional.empty()), 3);
            transitions(writer).forEach(transition -> folded.merge(transition, 1, Integer::sum));
            position = watch.position();
            assertEquals(KafkaStores.PARTITIONS, PartitionedPosition.parse(position, KafkaStores.PARTITIONS).parts()
                    .size());

            // Writes while the client streams from the first node, then resumes on the second.
            CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> write(writer, new Random(29), 30));
            int received = pulled(watch);
            while (!writing.isDone() && received < 20) {
                received += pulled(watch);
                Thread.sleep(20);
            }
            String resumedAt = position;
            Watch second = opened(() -> three.get(1).streams().watch(STATUS, Optional.empty(), Optional.empty(), true,
                    Optional.of(resumedAt)), 3);
            writing.get(2, TimeUnit.MINUTES);
            awaitFolded(second, writer);

            // Another node, owning timelines, stops answering: the stream goes on with the other partitions, and
            // sends nothing of the silent node's until it answers again, then everything.
            Node quiet = java.util.stream.Stream.of(three.get(0), three.get(2)).max(java.util.Comparator.comparingInt(
                    node -> in(folded, node.store().owners().mine(), writer).size())).orElseThrow();
            silent.add(quiet.store().owners().address());
            Set<Integer> unanswered = quiet.store().owners().mine();
            Map<Transition, Integer> before = in(folded, unanswered, writer);
            write(writer, random, 10);
            Map<Transition, Integer> expected = new HashMap<>();
            transitions(writer).forEach(transition -> expected.merge(transition, 1, Integer::sum));
            assertNotEquals(before, in(expected, unanswered, writer), "the writes changed the silent node's partitions");
            Set<Integer> answering = new java.util.HashSet<>(Set.of(0, 1, 2, 3));
            answering.removeAll(unanswered);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!in(folded, answering, writer).equals(in(expected, answering, writer))
                    && System.nanoTime() < deadline) {
                pulled(second);
                Thread.sleep(20);
            }
            assertEquals(in(expected, answering, writer), in(folded, answering, writer));
            assertEquals(before, in(folded, unanswered, writer), "nothing of the partitions not answered for");
            silent.clear();
            awaitFolded(second, writer);

            // A node leaves: its partitions move to the two others, and the client resumes on the one it did not use.
            String lost = three.get(1).store().owners().address();
            nodes.remove(lost).store().close();
            write(writer, random, 10);
            String beforeRebalance = position;
            Watch third = opened(() -> three.get(2).streams().watch(STATUS, Optional.empty(), Optional.empty(), true,
                    Optional.of(beforeRebalance)), 2);
            awaitFolded(third, writer);
            assertTrue(folded.values().stream().mapToInt(Integer::intValue).sum() > 20, "a store worth streaming");
        } finally {
            nodes.values().forEach(node -> node.store().close());
        }
    }

    /** Takes the messages into the multiset of transitions (a retraction removes one); how many came. */
    private int pulled(Watch watch) {
        List<Message> messages = watch.next(50);
        for (Message message : messages) {
            Transition transition = message.change().transition();
            if (message.change().kind() == TransitionChange.Kind.TRANSITION) {
                folded.merge(transition, 1, Integer::sum);
            } else {
                assertTrue(folded.containsKey(transition), "a retraction of a transition held: " + transition);
                folded.computeIfPresent(transition, (any, held) -> held == 1 ? null : held - 1);
            }
            position = message.position();
        }
        return messages.size();
    }

    private void awaitFolded(Watch watch, KafkaEventStore writer) throws InterruptedException {
        Map<Transition, Integer> expected = new HashMap<>();
        transitions(writer).forEach(transition -> expected.merge(transition, 1, Integer::sum));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!folded.equals(expected) && System.nanoTime() < deadline) {
            pulled(watch);
            Thread.sleep(20);
        }
        assertEquals(expected, folded);
    }

    /** The transitions of the timelines in the partitions. */
    private static Map<Transition, Integer> in(Map<Transition, Integer> transitions, Set<Integer> partitions,
            KafkaEventStore writer) {
        Map<Transition, Integer> kept = new HashMap<>(transitions);
        kept.keySet().removeIf(transition -> !partitions.contains(writer.partitionOf(transition.timeline())));
        return kept;
    }

    /** Opens a stream once the group has settled on {@code members} members and each has caught up. */
    private <T> T opened(Supplier<T> open, int members) throws InterruptedException {
        StorageStartingException last = null;
        for (int attempt = 0; attempt < 1200; attempt++) {
            boolean settled = nodes.values().stream().allMatch(node -> Set.copyOf(node.store().owners().byPartition()
                    .values()).size() == members);
            if (settled) {
                try {
                    return open.get();
                } catch (StorageStartingException notYet) {
                    last = notYet;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no stream opened on a group of " + members, last);
    }

    /** The in-JVM transport: the node at the address answers on another thread; a node gone or silent never does. */
    private CompletableFuture<PartTransport.PartReply> ask(String address, byte[] question) {
        Node node = nodes.get(address);
        if (node == null || silent.contains(address)) {
            return new CompletableFuture<>();
        }
        return CompletableFuture.supplyAsync(() -> node.parts().answer(question, (attribute, partial) -> {
            throw new UnsupportedOperationException("only the stream is asked here");
        }, node.streams()));
    }

    private static List<Transition> transitions(KafkaEventStore writer) {
        return new TransitionAnalysisService(writer, writer).transitions(STATUS, new TransitionFilter(
                Optional.empty(), Optional.empty(), Window.ALL), true, Scope.ALL, PageRequest.EVERYTHING).items();
    }

    private static void write(KafkaEventStore writer, Random random, int requests) {
        RandomWrites.write(writer, random, requests, "k", new Timestamp(BASE));
    }
}
