package dev.timelines.adapters.out.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.timelines.adapters.out.memory.EventBytes;
import dev.timelines.domain.Event;
import dev.timelines.domain.EventId;
import dev.timelines.domain.IncomingEvent;
import dev.timelines.domain.JsonValue;
import dev.timelines.domain.TimelineKey;
import dev.timelines.domain.Timestamp;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What snapshots save when a node starts: the time to open a node reading a topic of
 * {@code -Dsnapshot.events} events (20,000 by default; docs/scaling.md gives the figures for more) from its start,
 * and, after it wrote its snapshots, to open it again from them, reading no record; both hold the same events.
 * Prints the times.
 */
class SnapshotReplayTimeTest {

    private static final int EVENTS = Integer.getInteger("snapshot.events", 20_000);
    private static final int PER_REQUEST = 5_000;
    private static final long BASE = 1_700_000_000_000_000L;
    private static final List<String> STATES = List.of("open", "pending", "on_hold", "done");

    @TempDir
    Path dir;

    @Test
    @Timeout(value = 30, unit = TimeUnit.MINUTES)
    void aNodeStartsFromItsSnapshotsReadingNoRecordAndHoldsWhatReplayingTheTopicBuilds() throws Exception {
        KafkaStoreOptions options = KafkaStores.options("snapshot-time").withSnapshots(dir, Duration.ofHours(1));
        long written = System.nanoTime();
        write(options);
        written = System.nanoTime() - written;

        long fromStart = System.nanoTime();
        long fromStartCpu;
        long snapshotMillis;
        long replayed;
        try (KafkaEventStore replaying = KafkaEventStore.open(options)) {
            fromStart = System.nanoTime() - fromStart;
            fromStartCpu = applierCpuMillis(options.topic());
            assertEquals(EVENTS, replaying.recordsRead().values().stream().mapToLong(Long::longValue).sum());
            long snapshot = System.nanoTime();
            replaying.snapshot().get(5, TimeUnit.MINUTES);
            snapshotMillis = (System.nanoTime() - snapshot) / 1_000_000;
            replayed = digest(replaying);
        }
        long fromSnapshots = System.nanoTime();
        long fromSnapshotsCpu;
        try (KafkaEventStore restarted = KafkaEventStore.open(options)) {
            fromSnapshots = System.nanoTime() - fromSnapshots;
            fromSnapshotsCpu = applierCpuMillis(options.topic());
            assertEquals(Map.of(), restarted.recordsRead(), "nothing was written after the snapshots");
            assertEquals(EVENTS, restarted.eventCount());
            assertEquals(replayed, digest(restarted));
        }
        long snapshotBytes;
        try (Stream<Path> files = Files.list(dir)) {
            snapshotBytes = files.mapToLong(file -> file.toFile().length()).sum();
        }
        System.out.printf("%,d events: written in %,d ms; a node opened reading the topic from its start in %,d ms"
                + " (its applier's CPU %,d ms); its snapshots written in %,d ms (%,d bytes); opened again from them in"
                + " %,d ms (CPU %,d ms)%n", EVENTS, written / 1_000_000, fromStart / 1_000_000, fromStartCpu,
                snapshotMillis, snapshotBytes, fromSnapshots / 1_000_000, fromSnapshotsCpu);
    }

    /**
     * The CPU time of the open node's applier thread so far: on a machine shared with other builds, the part of a
     * start's time that is the node's own work.
     */
    private static long applierCpuMillis(String topic) {
        Thread applier = Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().equals("kafka-apply-" + topic)).findFirst().orElseThrow();
        return ManagementFactory.getThreadMXBean().getThreadCpuTime(applier.getId()) / 1_000_000;
    }

    /**
     * The events as a node's writes would put them in the topic, one request each, by a plain producer: a node's
     * writes, one transaction at a time, would take most of the test's time.
     */
    private static void write(KafkaStoreOptions options) throws Exception {
        TimelinePartitions partitions;
        try (KafkaEventStore creating = KafkaEventStore.open(options)) {
            partitions = new TimelinePartitions(creating.partitionCount());
        }
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, options.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.BATCH_SIZE_CONFIG, 1 << 20);
        Random random = new Random(41);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            for (int n = 1; n <= EVENTS; n++) {
                TimelineKey key = new TimelineKey("order-" + random.nextInt(EVENTS / 10));
                Event event = new IncomingEvent(key,
                        new Timestamp(BASE + n * 1_000_000L - random.nextInt(60) * 1_000_000L),
                        Optional.of(new EventId("e" + n)), new JsonValue.Obj(Map.of(
                                "status", new JsonValue.Str(STATES.get(random.nextInt(STATES.size()))),
                                "amount", new JsonValue.Num(BigDecimal.valueOf(random.nextInt(10_000), 2)))))
                        .stored(n, new Timestamp(BASE + n * 1_000L));
                int partition = partitions.of(key);
                ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(options.topic(), partition,
                        TimelinePartitions.bytes(key), EventBytes.of(key, event));
                record.headers().add(new RequestHeader(n, Map.of(partition, 1)).toHeader());
                producer.send(record);
            }
            producer.flush();
        }
    }

    /** The events in seq order, folded into one number: two stores of a million events are not both kept. */
    private static long digest(KafkaEventStore store) {
        long[] digest = {17};
        store.inSeqOrder(Optional.empty(), event -> digest[0] = digest[0] * 31 + event.hashCode());
        return digest[0];
    }
}
