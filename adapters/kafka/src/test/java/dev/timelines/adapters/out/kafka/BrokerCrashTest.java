package dev.timelines.adapters.out.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.timelines.adapters.out.memory.EventBytes;
import dev.timelines.application.port.out.StorageUnavailableException;
import dev.timelines.domain.Event;
import dev.timelines.domain.EventId;
import dev.timelines.domain.IncomingEvent;
import dev.timelines.domain.IngestResult;
import dev.timelines.domain.JsonValue;
import dev.timelines.domain.Timeline;
import dev.timelines.domain.TimelineKey;
import dev.timelines.domain.Timestamp;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A broker killed with SIGKILL while requests are written, each spanning the topic's partitions: every request
 * acknowledged is stored once, on this node and in the topic that another node would replay; a request refused
 * while the cluster recovers is sent again with the same ids, as a client would, and stored once too.
 */
class BrokerCrashTest {

    private static final int REQUESTS = 60;
    private static final int EVENTS_PER_REQUEST = 6;
    private static final Timestamp RECEIVED = new Timestamp(1_700_000_000_000_000L);

    @Test
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void noAcknowledgedEventIsLostOrDuplicatedWhenABrokerIsKilledDuringIngest() {
        KafkaCluster cluster = KafkaCluster.shared();
        KafkaStoreOptions options = KafkaStores.options("crash");
        List<IncomingEvent> acknowledged = new ArrayList<>();
        int refusals = 0;
        int killed = 0;
        long slowestMillis = 0;
        try (KafkaEventStore store = KafkaEventStore.open(options)) {
            try {
                for (int request = 0; request < REQUESTS; request++) {
                    if (request == REQUESTS / 3) {
                        killed = leaderOfPartitionZero(options);
                        cluster.kill(killed);
                    }
                    List<IncomingEvent> events = request(request);
                    long started = System.nanoTime();
                    refusals += appendUntilAcknowledged(store, events);
                    slowestMillis = Math.max(slowestMillis, (System.nanoTime() - started) / 1_000_000);
                    acknowledged.addAll(events);
                }
            } finally {
                cluster.restart(killed);
            }
            assertStoredOnce(store, acknowledged);
        }
        // What the crash cost the writer, for docs/scaling.md.
        System.out.printf("broker %d killed: %d requests refused, slowest request %d ms%n", killed + 1, refusals,
                slowestMillis);
        try (KafkaEventStore replayed = KafkaEventStore.open(new KafkaStoreOptions(options.bootstrapServers(),
                options.topic(), options.partitions(), options.replication(), "crash-replay", "node-2",
                "http://node-2", options.timeout(), Map.of()))) {
            assertStoredOnce(replayed, acknowledged);
        }
        assertEquals(acknowledged.size(), recordsPerId(options).size());
        assertTrue(recordsPerId(options).values().stream().allMatch(count -> count == 1),
                "each id is in the topic once; refusals: " + refusals);
    }

    /** The broker (its index in the cluster) leading partition 0 of the topic: killing it disturbs the writes. */
    private static int leaderOfPartitionZero(KafkaStoreOptions options) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                options.bootstrapServers()))) {
            return KafkaCluster.indexOf(admin.describeTopics(List.of(options.topic())).allTopicNames()
                    .get(30, TimeUnit.SECONDS).get(options.topic()).partitions().get(0).leader().id());
        } catch (ExecutionException | InterruptedException | TimeoutException e) {
            throw new AssertionError(e);
        }
    }

    /** Sends the request until it is acknowledged; a retry may find its events already stored: duplicates. */
    private static int appendUntilAcknowledged(KafkaEventStore store, List<IncomingEvent> events) {
        for (int attempt = 0; ; attempt++) {
            try {
                IngestResult result = store.append(events, RECEIVED);
                assertEquals(events.size(), result.accepted() + result.duplicates());
                return attempt;
            } catch (StorageUnavailableException refused) {
                if (attempt == 10) {
                    throw refused;
                }
            }
        }
    }

    private static List<IncomingEvent> request(int request) {
        return IntStream.range(0, EVENTS_PER_REQUEST).mapToObj(event -> new IncomingEvent(
                new TimelineKey("t" + (request * EVENTS_PER_REQUEST + event) % 10),
                new Timestamp(RECEIVED.micros() + request * 1_000L + event), Optional.of(new EventId(request + "-"
                        + event)), new JsonValue.Obj(Map.of("n", new JsonValue.Num(new BigDecimal(
                                request)))))).toList();
    }

    private static void assertStoredOnce(KafkaEventStore store, List<IncomingEvent> acknowledged) {
        List<EventId> stored = IntStream.range(0, 10).mapToObj(timeline -> store.timeline(new TimelineKey("t"
                + timeline))).flatMap(Optional::stream).map(Timeline::events).flatMap(List::stream)
                .map(Event::id).flatMap(Optional::stream).toList();
        assertEquals(acknowledged.stream().map(event -> event.id().orElseThrow()).collect(Collectors.toSet()),
                new HashSet<>(stored));
        assertEquals(acknowledged.size(), stored.size(), "no event stored twice");
    }

    /** What a committed reader of the topic finds: how many records carry each id. */
    private static Map<String, Integer> recordsPerId(KafkaStoreOptions options) {
        Map<String, Integer> counts = new HashMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, options.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            Set<TopicPartition> partitions = IntStream.range(0, options.partitions())
                    .mapToObj(partition -> new TopicPartition(options.topic(), partition)).collect(Collectors.toSet());
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))
                    && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    counts.merge(eventId(record), 1, Integer::sum);
                }
            }
        }
        return counts;
    }

    private static String eventId(ConsumerRecord<byte[], byte[]> record) {
        try {
            return EventBytes.from(record.value()).event().id().orElseThrow()
                    .value();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
