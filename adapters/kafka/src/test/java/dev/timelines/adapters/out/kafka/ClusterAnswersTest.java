package dev.timelines.adapters.out.kafka;

import static dev.timelines.application.question.SplitReferenceStore.num;
import static dev.timelines.application.question.SplitReferenceStore.str;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.timelines.application.model.Scope;
import dev.timelines.application.model.TransitionFilter;
import dev.timelines.application.port.in.Page;
import dev.timelines.application.port.in.PageRequest;
import dev.timelines.application.port.in.StreamPartUseCase;
import dev.timelines.application.port.out.StorageStartingException;
import dev.timelines.application.service.AttributeCatalogService;
import dev.timelines.application.service.ExportEventsService;
import dev.timelines.application.service.InspectTimelineService;
import dev.timelines.application.service.PartService;
import dev.timelines.application.service.SearchTimelinesService;
import dev.timelines.application.service.StateAnalysisService;
import dev.timelines.application.service.TransitionAnalysisService;
import dev.timelines.domain.Attribute;
import dev.timelines.domain.Condition;
import dev.timelines.domain.EventId;
import dev.timelines.domain.Funnel;
import dev.timelines.domain.HistoryMode;
import dev.timelines.domain.IncomingEvent;
import dev.timelines.domain.JsonValue;
import dev.timelines.domain.TimelineEvent;
import dev.timelines.domain.TimelineKey;
import dev.timelines.domain.TimelineNotFoundException;
import dev.timelines.domain.Timestamp;
import dev.timelines.domain.Transition;
import dev.timelines.domain.Window;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Three nodes of one group, each owning some of the topic's partitions, answer every question across timelines
 * for the whole store: each answers for its partitions and asks the owners of the others ({@link ClusterParts}),
 * and the merged answers equal those of a node holding every partition (the writer, a group of its own on the same
 * topic). Random requests: out-of-order events, repeated ids, {@code 1} and {@code 1.0}, a deleted timeline. A page
 * fetched from one node continues on another with its cursor; the export of the whole store, merged from pages of
 * every part, is the writer's. A node that does not answer makes the question a 503 naming its partitions, and
 * the export too, before any event or midway; once it has left the group, the answers are complete again. The nodes ask each
 * other in this JVM here; over HTTP in the service.
 */
class ClusterAnswersTest {

    private static final Attribute STATUS = new Attribute("status");
    private static final long BASE = 1_700_000_000_000_000L;
    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(1_700_000_100), ZoneOffset.UTC);
    private static final List<JsonValue> VALUES = List.of(num("1"), num("1.0"), num("2"), str("a"), str("b"));
    /** For nodes that are never asked for a step of the stream. */
    static final StreamPartUseCase NOT_STREAMED = (part, attribute, from, to, entries, at) -> {
        throw new UnsupportedOperationException("not streamed here");
    };
    /** Few events a page, so that the export of the whole store merges many pages of every part. */
    private static final int EXPORT_PAGE = 4;

    /** A node and the services that answer on it. */
    record Node(KafkaEventStore store, Told told, ClusterParts parts, PartService part,
            StateAnalysisService states,
            TransitionAnalysisService transitions, SearchTimelinesService search, InspectTimelineService inspect,
            AttributeCatalogService attributes, ExportEventsService export) {

        static Node open(KafkaStoreOptions options, PartTransport transport) {
            KafkaEventStore store = KafkaEventStore.open(options);
            Told told = new Told();
            ClusterParts parts = new ClusterParts(store, transport, Duration.ofSeconds(3), Duration.ofSeconds(3), told,
                    EXPORT_PAGE);
            return new Node(store, told, parts, new PartService(store, store),
                    new StateAnalysisService(store, store, parts, CLOCK),
                    new TransitionAnalysisService(store, store, parts), new SearchTimelinesService(store, store, parts),
                    new InspectTimelineService(parts), new AttributeCatalogService(store, parts),
                    new ExportEventsService(parts, store, parts));
        }

        static Node whole(KafkaEventStore store) {
            return new Node(store, null, null, null, new StateAnalysisService(store, store, CLOCK),
                    new TransitionAnalysisService(store, store), new SearchTimelinesService(store, store),
                    new InspectTimelineService(store), new AttributeCatalogService(store),
                    new ExportEventsService(store, store));
        }
    }

    private final Map<String, Node> nodes = new ConcurrentHashMap<>();
    private final Set<String> silent = ConcurrentHashMap.newKeySet();

    @Test
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void everyNodeAnswersForTheWholeStore() throws Exception {
        KafkaStoreOptions options = KafkaStores.options("cluster-answers");
        try (KafkaEventStore writer = KafkaEventStore.open(options)) {
            Random random = new Random(17);
            for (int request = 0; request < 12; request++) {
                writer.append(randomRequest(random), new Timestamp(BASE + request * 1_000_000L));
                if (request == 6) {
                    writer.delete(new TimelineKey("k3"));
                }
            }
            for (int n = 1; n <= 3; n++) {
                String address = "http://n" + n;
                nodes.put(address, Node.open(new KafkaStoreOptions(options.bootstrapServers(), options.topic(),
                        options.partitions(), options.replication(), "cluster-answers-nodes", "n" + n, address,
                        options.timeout(), Map.of()), this::ask));
            }
            awaitApplied(writer);
            Node whole = Node.whole(writer);
            for (Node node : nodes.values()) {
                assertSameAnswers(whole, node, random);
            }

            List<Node> three = List.copyOf(nodes.values());
            Page<Transition> first = three.get(0).transitions().transitions(STATUS, everything(), true, Scope.ALL,
                    new PageRequest(5, Optional.empty()));
            Page<Transition> next = three.get(1).transitions().transitions(STATUS, everything(), true, Scope.ALL,
                    new PageRequest(5, first.next()));
            assertEquals(whole.transitions().transitions(STATUS, everything(), true, Scope.ALL,
                    new PageRequest(5, first.next())), next, "a cursor of one node pages on another");

            String lost = three.get(2).store().owners().address();
            silent.add(lost);
            StorageStartingException refused = assertThrows(StorageStartingException.class,
                    () -> three.get(0).states().statesAt(STATUS, time(6), Scope.ALL, false));
            List<Integer> lostPartitions = three.get(0).store().owners().byPartition().entrySet().stream()
                    .filter(owner -> owner.getValue().equals(lost)).map(Map.Entry::getKey).toList();
            assertTrue(refused.getMessage().contains("partitions " + lostPartitions), refused.getMessage());
            TimelineKey unreachable = IntStream.range(0, 10).mapToObj(k -> new TimelineKey("k" + k))
                    .filter(key -> lostPartitions.contains(three.get(0).store().partitionOf(key))).findFirst()
                    .orElseThrow();
            StorageStartingException oneRefused = assertThrows(StorageStartingException.class,
                    () -> three.get(0).inspect().describe(unreachable, Optional.empty()));
            assertTrue(oneRefused.getMessage().contains("partition " + three.get(0).store().partitionOf(unreachable)
                    + " "), oneRefused.getMessage());
            StorageStartingException keysRefused = assertThrows(StorageStartingException.class, () -> three.get(0)
                    .search().withPrefix("", Optional.empty(), new PageRequest(3, Optional.empty())));
            assertTrue(keysRefused.getMessage().contains("partitions " + lostPartitions), keysRefused.getMessage());
            assertThrows(StorageStartingException.class, () -> three.get(1).attributes().values(STATUS,
                    Optional.empty(), new PageRequest(3, Optional.empty())));
            List<TimelineEvent> handedOver = new ArrayList<>();
            StorageStartingException exportRefused = assertThrows(StorageStartingException.class,
                    () -> three.get(0).export().exportAll(handedOver::add));
            assertTrue(exportRefused.getMessage().contains("partitions " + lostPartitions), exportRefused.getMessage());
            assertEquals(List.of(), handedOver, "refused before any event is handed over");
            silent.clear();
            StorageStartingException cut = assertThrows(StorageStartingException.class,
                    () -> three.get(0).export().exportAll(event -> silent.add(lost)));
            assertTrue(cut.getMessage().contains("partitions " + lostPartitions + " of topic " + options.topic()
                    + " were not answered for within PT3S by " + lost + " during the export"), cut.getMessage());

            // Asked for a partial answer: the parts that answered, merged, and the missing partitions told.
            Node answered = Node.whole(without(writer, three.get(0).store(), lostPartitions));
            for (Node asking : three.subList(0, 2)) {
                asking.told().partial = true;
                assertEquals(answered.states().statesAt(STATUS, time(6), Scope.ALL, false),
                        asking.states().statesAt(STATUS, time(6), Scope.ALL, false));
                assertEquals(Set.copyOf(lostPartitions), asking.told().missing);
                assertEquals(answered.search().withPrefix("", Optional.empty(), new PageRequest(20, Optional.empty())),
                        asking.search().withPrefix("", Optional.empty(), new PageRequest(20, Optional.empty())));
                PageRequest values = new PageRequest(9, Optional.empty());
                assertEquals(answered.attributes().values(STATUS, Optional.empty(), values),
                        asking.attributes().values(STATUS, Optional.empty(), values));
                assertEquals(Set.copyOf(lostPartitions), asking.told().missing);
                asking.told().partial = false;
            }
            answered.store().close();

            // The silent node leaves the group: its partitions move to the others, and the answers are complete again.
            silent.clear();
            nodes.remove(lost).store().close();
            for (Node node : nodes.values()) {
                awaitRebalanced(node, 2);
            }
            for (Node node : nodes.values()) {
                assertSameAnswers(whole, node, random);
            }
        } finally {
            nodes.values().forEach(node -> node.store().close());
        }
    }

    /** What a node's requests allow and are told: a partial answer when asked for, and what it is missing. */
    private static final class Told implements AnswerScope {

        private volatile boolean partial;
        private volatile Set<Integer> missing = Set.of();

        @Override
        public boolean partialAllowed() {
            return partial;
        }

        @Override
        public void reflect(SortedMap<Integer, Long> answered, SortedSet<Integer> missed) {
            missing = Set.copyOf(missed);
        }
    }

    /** The writer's store without the timelines of some partitions, on a topic of its own: what the others hold. */
    private static KafkaEventStore without(KafkaEventStore writer, KafkaEventStore node, List<Integer> partitions) {
        List<TimelineEvent> kept = new ArrayList<>();
        writer.inSeqOrder(Optional.empty(), event -> {
            if (!partitions.contains(node.partitionOf(event.timeline()))) {
                kept.add(event);
            }
        });
        KafkaEventStore store = KafkaEventStore.open(KafkaStores.options("cluster-answers-kept"));
        store.restore(kept);
        return store;
    }

    /** The in-JVM transport: the node at the address answers on another thread, or never when silenced. */
    private CompletableFuture<PartTransport.PartReply> ask(String address, byte[] question) {
        if (silent.contains(address)) {
            return new CompletableFuture<>();
        }
        Node node = nodes.get(address);
        return CompletableFuture.supplyAsync(() -> node.parts().answer(question, node.part()::part, NOT_STREAMED));
    }

    static void assertSameAnswers(Node whole, Node node, Random random) {
        for (int question = 0; question < 4; question++) {
            Window window = new Window(Optional.of(time(random.nextInt(5))), Optional.of(time(5 + random.nextInt(8))));
            Timestamp at = time(random.nextInt(12));
            JsonValue value = VALUES.get(random.nextInt(VALUES.size()));
            Scope scope = random.nextBoolean() ? Scope.ALL
                    : new Scope(random.nextBoolean() ? Condition.NONE
                            : new Condition(Map.of(new Attribute("priority"), str("high"))),
                            random.nextBoolean() ? Optional.empty() : Optional.of(new Timestamp(BASE + 5_000_000L)));
            TransitionFilter filter = new TransitionFilter(Optional.empty(), Optional.of(value), window);
            Funnel funnel = new Funnel(List.of(num("1"), num("2"), str("a")), Optional.empty());
            PageRequest page = new PageRequest(3, Optional.empty());
            assertSame(whole, node, n -> n.states().statesAt(STATUS, at, scope, true));
            assertSame(whole, node, n -> n.states().timeInStates(STATUS, window, scope));
            assertSame(whole, node, n -> n.states().stuck(STATUS, Optional.empty(), 1_000_000L, at, scope, page));
            assertSame(whole, node, n -> n.transitions().transitions(STATUS, filter, true, scope, page));
            assertSame(whole, node, n -> n.transitions().summary(STATUS, everything(), scope));
            assertSame(whole, node, n -> n.transitions().next(STATUS, value, window, scope));
            assertSame(whole, node, n -> n.transitions().previous(STATUS, value, window, scope));
            assertSame(whole, node, n -> n.transitions().funnel(STATUS, funnel, window, scope));
            assertSame(whole, node, n -> n.search().inState(STATUS, value, at, "", scope, page));
            assertSame(whole, node, n -> n.search().inStateDuring(STATUS, value, window, "", scope.asOf(), page));
        }
        Optional<Timestamp> asOf = Optional.of(new Timestamp(BASE + 5_000_000L));
        for (Optional<Timestamp> known : List.of(Optional.<Timestamp>empty(), asOf)) {
            for (String prefix : List.of("", "k", "k1", "x")) {
                assertSame(whole, node, n -> n.search().withPrefix(prefix, known,
                        new PageRequest(3, Optional.empty())));
            }
            assertSame(whole, node, n -> n.attributes().names(known, new PageRequest(1, Optional.empty())));
            assertSame(whole, node, n -> n.attributes().names(known, new PageRequest(100, Optional.empty())));
            assertSame(whole, node, n -> n.attributes().values(STATUS, known, new PageRequest(100, Optional.empty())));
            assertSame(whole, node, n -> n.attributes().values(STATUS, known, new PageRequest(2, Optional.empty())));
        }
        // A cursor of one node pages on another: it is a key, a name, an offset in the answer's order.
        Optional<String> keys = whole.search().withPrefix("", Optional.empty(), new PageRequest(4, Optional.empty()))
                .next();
        assertSame(whole, node, n -> n.search().withPrefix("", Optional.empty(), new PageRequest(4, keys)));
        Optional<String> names = whole.attributes().names(Optional.empty(), new PageRequest(1, Optional.empty()))
                .next();
        assertSame(whole, node, n -> n.attributes().names(Optional.empty(), new PageRequest(1, names)));
        Optional<String> values = whole.attributes().values(STATUS, Optional.empty(),
                new PageRequest(2, Optional.empty())).next();
        assertSame(whole, node, n -> n.attributes().values(STATUS, Optional.empty(), new PageRequest(2, values)));
        assertSame(whole, node, ClusterAnswersTest::exportedAll);
        for (int k = 0; k < 10; k++) {
            TimelineKey key = new TimelineKey("k" + k);
            assertSame(whole, node, n -> exported(n, key), TimelineNotFoundException.class);
            assertSame(whole, node, n -> n.inspect().describe(key, Optional.empty()), TimelineNotFoundException.class);
            assertSame(whole, node, n -> n.inspect().history(key, STATUS, HistoryMode.CHANGES, everything().window(),
                    Optional.empty(), new PageRequest(100, Optional.empty())), TimelineNotFoundException.class);
            assertSame(whole, node, n -> n.inspect().events(key, everything().window(),
                    Optional.of(new Timestamp(BASE + 5_000_000L)), new PageRequest(3, Optional.empty())),
                    TimelineNotFoundException.class);
        }
    }

    private static List<TimelineEvent> exportedAll(Node node) {
        List<TimelineEvent> events = new ArrayList<>();
        node.export().exportAll(events::add);
        return events;
    }

    private static List<TimelineEvent> exported(Node node, TimelineKey key) {
        List<TimelineEvent> events = new ArrayList<>();
        node.export().exportTimeline(key).run(events::add);
        return events;
    }

    /** The same answer, or the same refusal (one timeline not stored: both nodes say so). */
    private static void assertSame(Node whole, Node node, Function<Node, Object> question,
            Class<? extends RuntimeException> refusal) {
        RuntimeException refused = null;
        try {
            question.apply(whole);
        } catch (RuntimeException e) {
            refused = e;
        }
        if (refusal.isInstance(refused)) {
            assertEquals(refused.getMessage(), assertThrows(refusal, () -> question.apply(node)).getMessage());
        } else {
            assertSame(whole, node, question);
        }
    }

    /** Equal, and every value written alike: JSON equality alone takes {@code 1} for {@code 1.0}. */
    private static void assertSame(Node whole, Node node, Function<Node, Object> question) {
        Object expected = question.apply(whole);
        Object answered = question.apply(node);
        assertEquals(expected, answered);
        assertEquals(expected.toString(), answered.toString());
    }

    /** Until the node answers for its part of a group of {@code members}. */
    private static void awaitRebalanced(Node node, int members) throws InterruptedException {
        for (int attempt = 0; attempt < 1200; attempt++) {
            try {
                node.store().part();
                if (Set.copyOf(node.store().owners().byPartition().values()).size() == members) {
                    return;
                }
            } catch (StorageStartingException moving) {
                // partitions being applied
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the group did not settle on " + members + " members");
    }

    private void awaitApplied(KafkaEventStore writer) throws InterruptedException {
        for (int attempt = 0; attempt < 1200; attempt++) {
            long applied = nodes.values().stream().mapToLong(node -> node.store().eventCount()).sum();
            boolean allOwned = nodes.values().stream().allMatch(node -> node.store().owners().byPartition().size()
                    == KafkaStores.PARTITIONS && Set.copyOf(node.store().owners().byPartition().values()).size() == 3);
            if (applied == writer.eventCount() && allOwned) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the nodes did not apply the writer's " + writer.eventCount() + " events: "
                + nodes.values().stream().map(node -> node.store().eventCount() + " on " + node.store().owners()
                        .address() + " owning " + node.store().owners().byPartition()).toList());
    }

    static List<IncomingEvent> randomRequest(Random random) {
        List<IncomingEvent> events = new ArrayList<>();
        for (int event = 0; event < 1 + random.nextInt(12); event++) {
            Map<String, JsonValue> data = new LinkedHashMap<>();
            data.put("status", VALUES.get(random.nextInt(VALUES.size())));
            if (random.nextInt(3) == 0) {
                data.put("priority", random.nextBoolean() ? str("high") : str("low"));
            }
            Optional<EventId> id = random.nextInt(3) == 0 ? Optional.of(new EventId("e" + random.nextInt(6)))
                    : Optional.empty();
            events.add(new IncomingEvent(new TimelineKey("k" + random.nextInt(10)), time(random.nextInt(12)), id,
                    new JsonValue.Obj(data)));
        }
        return events;
    }

    private static TransitionFilter everything() {
        return new TransitionFilter(Optional.empty(), Optional.empty(), new Window(Optional.empty(), Optional.empty()));
    }

    private static Timestamp time(long seconds) {
        return new Timestamp(BASE + seconds * 1_000_000L);
    }
}
