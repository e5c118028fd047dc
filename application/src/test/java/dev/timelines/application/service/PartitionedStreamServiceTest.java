package dev.timelines.application.service;

import static dev.timelines.application.port.out.StoreFixtures.STATUS;
import static dev.timelines.application.port.out.StoreFixtures.key;
import static dev.timelines.application.port.out.StoreFixtures.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.timelines.application.model.Scope;
import dev.timelines.application.model.StreamStep;
import dev.timelines.application.model.TransitionChange;
import dev.timelines.application.model.TransitionFilter;
import dev.timelines.application.port.in.InvalidPositionException;
import dev.timelines.application.port.in.PageRequest;
import dev.timelines.application.port.in.StreamPosition;
import dev.timelines.application.port.in.WatchTransitionsUseCase.Watch;
import dev.timelines.application.port.out.IndexedAnswers;
import dev.timelines.application.port.out.OtherParts;
import dev.timelines.application.port.out.ReferenceStorage;
import dev.timelines.application.port.out.StorageStartingException;
import dev.timelines.application.port.out.StoreHistory;
import dev.timelines.application.port.out.StreamParts;
import dev.timelines.domain.Attribute;
import dev.timelines.domain.IncomingEvent;
import dev.timelines.domain.JsonValue;
import dev.timelines.domain.Timestamp;
import dev.timelines.domain.Transition;
import dev.timelines.domain.Window;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The stream of a store split into parts, each part a store of its own with its own seqs, held by one of two nodes
 * that ask each other for the parts they do not hold over a transport that sometimes does not answer: folding the
 * messages one node sends, then those another sends after resuming with the last position, gives the transitions
 * of the whole store fed the same requests.
 */
class PartitionedStreamServiceTest {

    private static final Timestamp RECEIVED = new Timestamp(1_700_000_000_000_000L);
    private static final ExecutorService OWNERS = Executors.newFixedThreadPool(2);

    @Property(tries = 60)
    void theFoldOfTheMessagesOfEveryPartIsTheWholeStoresTransitions(@ForAll @IntRange(min = 1, max = 4) int count,
            @ForAll long seed) {
        Random random = new Random(seed);
        Cluster cluster = new Cluster(count, random);
        Node first = cluster.node(part -> part % 2 == 0);
        Node second = cluster.node(part -> part % 2 == 1);
        cluster.write(random, 1 + random.nextInt(4));
        Watch watch = first.streams.watch(STATUS, Optional.empty(), Optional.empty(), true, Optional.empty());
        Map<String, Integer> folded = new HashMap<>(cluster.transitions());
        cluster.flaky = true;
        int requests = 5 + random.nextInt(20);
        String position = watch.position();
        for (int i = 0; i < requests; i++) {
            cluster.write(random, 1);
            if (random.nextInt(3) == 0) {
                position = fold(watch.next(1 + random.nextInt(5)), folded, position);
            }
            if (i == requests / 2) {
                // The client goes to the other node with its last position.
                cluster.flaky = false;
                watch = second.streams.watch(STATUS, Optional.empty(), Optional.empty(), true, Optional.of(position));
                cluster.flaky = true;
            }
        }
        cluster.flaky = false;
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!folded.equals(cluster.transitions()) && System.nanoTime() < deadline) {
            position = fold(watch.next(100), folded, position);
            Thread.onSpinWait();
        }
        assertEquals(cluster.transitions(), folded);
    }

    @Test
    void aPositionNamingAnotherCountOfPartsOrMoreMessagesThanItsStepHasIsInvalid() {
        Cluster cluster = new Cluster(2, new Random(1));
        Node node = cluster.node(part -> true);
        cluster.whole.append(List.of(), RECEIVED);
        cluster.append(List.of(status("o", 0, "a"), status("o", 1, "b")));
        int part = cluster.partOf("o");

        for (String never : List.of("0-0-0", "0-0-0.0-0-0.0-0-0", part == 0 ? "0-2-3.0-0-0" : "0-0-0.0-2-3")) {
            assertThrows(InvalidPositionException.class, () -> node.streams.watch(STATUS, Optional.empty(),
                    Optional.empty(), true, Optional.of(never)), never);
        }
    }

    @Test
    void aStreamDoesNotOpenWhileAPartIsUnanswered() {
        Cluster cluster = new Cluster(2, new Random(1));
        Node node = cluster.node(part -> part == 0);

        assertThrows(StorageStartingException.class, () -> node.streams.watch(STATUS, Optional.empty(),
                Optional.empty(), true, Optional.empty()), "no node holds partition 1");
    }

    /** Takes the messages into the multiset of transitions (a retraction removes one); the last one's position. */
    private static String fold(List<dev.timelines.application.port.in.WatchTransitionsUseCase.Message> messages,
            Map<String, Integer> folded, String position) {
        for (var message : messages) {
            String shown = shown(message.change().transition());
            if (message.change().kind() == TransitionChange.Kind.TRANSITION) {
                folded.merge(shown, 1, Integer::sum);
            } else {
                folded.computeIfPresent(shown, (any, held) -> held == 1 ? null : held - 1);
            }
            position = message.position();
        }
        return position;
    }

    /** A transition as /transitions shows it: the parts' seqs are not the whole store's. */
    private static String shown(Transition transition) {
        return transition.timeline().value() + "@" + transition.at().micros() + ":" + transition.from() + "->"
                + transition.to() + "/" + transition.durationMicros();
    }

    /** The parts, the whole store fed the same requests, and a transport between nodes that may not answer. */
    private static final class Cluster {

        private final List<ReferenceStorage> parts = new ArrayList<>();
        private final ReferenceStorage whole = new ReferenceStorage();
        private final List<Node> nodes = new CopyOnWriteArrayList<>();
        private final Random random;
        private volatile boolean flaky;

        Cluster(int count, Random random) {
            IntStream.range(0, count).forEach(part -> parts.add(new ReferenceStorage()));
            this.random = random;
        }

        Node node(java.util.function.IntPredicate holds) {
            Node node = new Node(this, holds);
            nodes.add(node);
            return node;
        }

        int partOf(String key) {
            return Math.floorMod(key.hashCode(), parts.size());
        }

        /** Random requests: late events, repeated ids and values, deletes. */
        void write(Random random, int requests) {
            for (int i = 0; i < requests; i++) {
                String key = "t" + random.nextInt(5);
                if (random.nextInt(8) == 0) {
                    whole.delete(key(key));
                    parts.get(partOf(key)).delete(key(key));
                    continue;
                }
                List<IncomingEvent> events = new ArrayList<>();
                for (int e = random.nextInt(4); e >= 0; e--) {
                    String at = "t" + random.nextInt(5);
                    events.add(status(at, random.nextInt(30), "id" + random.nextInt(12), "v" + random.nextInt(3)));
                }
                append(events);
            }
        }

        void append(List<IncomingEvent> events) {
            whole.append(events, RECEIVED);
            Map<Integer, List<IncomingEvent>> byPart = new HashMap<>();
            events.forEach(event -> byPart.computeIfAbsent(partOf(event.timeline().value()), any -> new ArrayList<>())
                    .add(event));
            byPart.forEach((part, some) -> parts.get(part).append(some, RECEIVED));
        }

        Map<String, Integer> transitions() {
            Map<String, Integer> all = new HashMap<>();
            new TransitionAnalysisService(whole, IndexedAnswers.NONE, OtherParts.NONE).transitions(STATUS,
                    new TransitionFilter(Optional.empty(), Optional.empty(), Window.ALL), true, Scope.ALL,
                    PageRequest.EVERYTHING).items().forEach(transition -> all.merge(shown(transition), 1,
                    Integer::sum));
            return all;
        }

        synchronized boolean unanswered() {
            return flaky && random.nextInt(3) == 0;
        }
    }

    /** A node holding some parts, asking the node that holds each other part. */
    private static final class Node implements StreamParts {

        private final Cluster cluster;
        private final java.util.function.IntPredicate holds;
        private final PartitionedStreamService streams;

        Node(Cluster cluster, java.util.function.IntPredicate holds) {
            this.cluster = cluster;
            this.holds = holds;
            this.streams = new PartitionedStreamService(this, 3, Duration.ofSeconds(5), Duration.ofMillis(1));
        }

        @Override
        public int count() {
            return cluster.parts.size();
        }

        @Override
        public Optional<StoreHistory> held(int part) {
            return holds.test(part) ? Optional.of(cluster.parts.get(part)) : Optional.empty();
        }

        @Override
        public CompletableFuture<Optional<StreamStep>> ask(int part, Attribute attribute, Optional<JsonValue> from,
                Optional<JsonValue> to, boolean entries, Optional<StreamPosition> at) {
            Optional<Node> owner = cluster.nodes.stream().filter(node -> node.holds.test(part)).findFirst();
            if (owner.isEmpty() || cluster.unanswered()) {
                return CompletableFuture.failedFuture(new IllegalStateException("no answer for partition " + part));
            }
            return CompletableFuture.supplyAsync(() -> owner.get().streams.step(part, attribute, from, to, entries,
                    at), OWNERS);
        }

        @Override
        public Runnable onApplied(Runnable listener) {
            return () -> { };
        }
    }
}
