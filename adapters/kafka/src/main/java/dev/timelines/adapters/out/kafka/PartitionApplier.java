package dev.timelines.adapters.out.kafka;

import dev.timelines.adapters.out.memory.EventBytes;
import dev.timelines.adapters.out.memory.InMemoryEventStore;
import dev.timelines.domain.Event;
import dev.timelines.domain.EventId;
import dev.timelines.domain.TimelineEvent;
import dev.timelines.domain.TimelineKey;
import dev.timelines.domain.Timestamp;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * This node's member of the consumer group: reads the committed records of the partitions the group gives it
 * ({@code read_committed}: an aborted request is never applied) and applies them in log order to the memory
 * engine, deciding there what the writer could not: each event's seq, from its place in the log ({@link LogSeqs}),
 * and whether it is a duplicate, remembering the verdict for the writer ({@link Verdicts}). When the group moves
 * partitions it starts a new engine and applies its partitions from their start (no snapshots yet,
 * docs/scaling.md). Runs on a thread of its own: a Kafka consumer is not thread-safe.
 */
final class PartitionApplier implements Runnable {

    private static final Duration POLL = Duration.ofMillis(100);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final String topic;
    private final AppliedPositions positions = new AppliedPositions();
    private final PartitionOwners owners;
    private final PendingRequests pending = new PendingRequests();
    private final TimelinePartitions partitions;
    private final LogSeqs seqs;
    private final Verdicts verdicts = new Verdicts();
    /** Per partition, the latest reception time applied: reception never goes back along a partition's log. */
    private final Map<Integer, Long> received = new HashMap<>();
    /** Told when records were applied or the partitions owned changed: the transitions stream's wake-up. */
    private final List<Runnable> appliedListeners = new CopyOnWriteArrayList<>();
    /** The highest seq applied: an import goes above it. */
    private final AtomicLong lastSeq = new AtomicLong();
    private volatile AppliedStore store = AppliedStore.NONE;
    private volatile RuntimeException failure;
    private Map<TopicPartition, Long> catchUpTo = Map.of();

    PartitionApplier(KafkaStoreOptions options, TimelinePartitions partitions) {
        this.topic = options.topic();
        this.partitions = partitions;
        this.seqs = new LogSeqs(partitions.count());
        this.owners = new PartitionOwners(options.address());
        Map<String, Object> config = new HashMap<>(options.client());
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, options.bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, options.group());
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // Positions are not committed: a node applies its partitions from the start until snapshots exist.
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // A writer waits until its records are applied here: a fetch idling for more data would add to every request.
        config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 20);
        // The members learn each other's addresses through the assignment (AddressAssignor), which the classic
        // protocol lets a member compute.
        config.put(ConsumerConfig.GROUP_PROTOCOL_CONFIG, "classic");
        config.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, AddressAssignor.class.getName());
        config.put(PartitionOwners.CONFIG, owners);
        this.consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    AppliedStore store() {
        RuntimeException failed = failure;
        if (failed != null) {
            throw failed;
        }
        return store;
    }

    PartitionOwners owners() {
        return owners;
    }

    AppliedPositions positions() {
        return positions;
    }

    long lastSeq() {
        return lastSeq.get();
    }

    Verdicts verdicts() {
        return verdicts;
    }

    /** Calls {@code listener} (it must only schedule) after records were applied or the partitions owned changed. */
    Runnable onApplied(Runnable listener) {
        appliedListeners.add(listener);
        return () -> appliedListeners.remove(listener);
    }

    /** Ends {@link #run} from another thread. */
    void stop() {
        consumer.wakeup();
    }

    @Override
    public void run() {
        try {
            consumer.subscribe(List.of(topic), new Rebalance());
            while (!Thread.currentThread().isInterrupted()) {
                AppliedStore before = store;
                ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL);
                for (ConsumerRecord<byte[], byte[]> record : records) {
                    apply(record);
                }
                advancePositions();
                if (!records.isEmpty() || store != before) {
                    appliedListeners.forEach(Runnable::run);
                }
            }
        } catch (WakeupException stopping) {
            // stop() was called
        } catch (RuntimeException e) {
            failure = new IllegalStateException("applying the topic " + topic + " failed", e);
        } finally {
            consumer.close();
        }
    }

    private void apply(ConsumerRecord<byte[], byte[]> record) {
        AppliedStore engine = store;
        int partition = record.partition();
        Header floor = record.headers().lastHeader(LogSeqs.FLOOR);
        if (floor != null) {
            seqs.floor(partition, floor);
            return;
        }
        long seq = seqs.of(partition, record.offset());
        Header request = record.headers().lastHeader(RequestHeader.NAME);
        if (record.value() == null) {
            pending.delete(new PendingRequests.Delete(request == null ? OptionalLong.empty()
                    : OptionalLong.of(RequestHeader.from(request).request()),
                    new TimelineKey(new String(record.key(), StandardCharsets.UTF_8)), seq), partition,
                    record.offset(), applied -> apply(engine, applied));
            return;
        }
        TimelineEvent written;
        try {
            written = EventBytes.from(record.value());
        } catch (IOException e) {
            throw new IllegalStateException("record " + record.offset() + " of partition " + partition
                    + " is not an event", e);
        }
        RequestHeader header = RequestHeader.from(request);
        TimelineEvent admitted = record.headers().lastHeader(LogSeqs.KEPT) != null ? written
                : numbered(written, partition, seq);
        pending.event(header.request(), header.recordsIn(store.owned()), admitted, partition, record.offset(),
                applied -> apply(engine, applied));
    }

    /** The event with its seq and a reception time not before the one of the record before it in its partition. */
    private TimelineEvent numbered(TimelineEvent written, int partition, long seq) {
        Event event = written.event();
        long at = received.merge(partition, event.received().micros(), Math::max);
        return new TimelineEvent(written.timeline(), new Event(event.timestamp(), seq, new Timestamp(at), event.id(),
                event.data()));
    }

    private void apply(AppliedStore into, PendingRequests.Applied applied) {
        InMemoryEventStore engine = into.engine();
        if (applied instanceof PendingRequests.Events request) {
            restore(engine, request);
        } else if (applied instanceof PendingRequests.Delete delete) {
            boolean stored = engine.timeline(delete.timeline()).isPresent();
            engine.replayDeletion(delete.timeline(), delete.seq());
            lastSeq.accumulateAndGet(delete.seq(), Math::max);
            delete.request().ifPresent(request -> verdicts.decided(request, partitions.of(delete.timeline()),
                    new Verdicts.Verdict(stored ? 1 : 0, 0)));
        }
    }

    /**
     * Stores the request's events but those whose id their timeline holds or an earlier event of the request
     * repeats (the log decides between writers racing with one id: the first record applied wins on every node),
     * and remembers, per partition, how many it stored and skipped.
     */
    private void restore(InMemoryEventStore engine, PendingRequests.Events request) {
        List<TimelineEvent> kept = new ArrayList<>();
        Set<Map.Entry<TimelineKey, EventId>> ids = new HashSet<>();
        Map<Integer, Verdicts.Verdict> decided = new HashMap<>();
        for (TimelineEvent admitted : request.events()) {
            boolean first = admitted.event().id().map(id -> !engine.holds(admitted.timeline(), id)
                    && ids.add(Map.entry(admitted.timeline(), id))).orElse(true);
            if (first) {
                kept.add(admitted);
            }
            decided.merge(partitions.of(admitted.timeline()), new Verdicts.Verdict(first ? 1 : 0, first ? 0 : 1),
                    Verdicts.Verdict::plus);
            lastSeq.accumulateAndGet(admitted.event().seq(), Math::max);
        }
        engine.replay(kept);
        decided.forEach((partition, verdict) -> verdicts.decided(request.request(), partition, verdict));
    }

    /** The consumer's position counts the transaction markers too: the writer waits for the offsets it wrote. */
    private void advancePositions() {
        AppliedStore applied = store;
        boolean caughtUp = true;
        for (TopicPartition partition : consumer.assignment()) {
            long position = pending.appliedUpTo(partition.partition(), consumer.position(partition));
            positions.advance(partition.partition(), position);
            if (position > 0) {
                // Every record before the position is applied, and seqs increase along the log: the stream's durable
                // seq. Not the highest seq applied, since a request is applied at the place of its first record and
                // its later records may lie after another request's not yet applied.
                applied.seqs().applied(partition.partition(), seqs.of(partition.partition(), position - 1));
            }
            caughtUp &= position >= catchUpTo.getOrDefault(partition, 0L);
        }
        if (!applied.caughtUp() && caughtUp) {
            store = applied.asCaughtUp();
        }
    }

    /** On any change of the partitions owned: a new engine, filled from the start of every partition owned. */
    private final class Rebalance implements ConsumerRebalanceListener {

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            if (!partitions.isEmpty()) {
                store = AppliedStore.NONE;
            }
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            onPartitionsRevoked(partitions);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> added) {
            Set<TopicPartition> assignment = consumer.assignment();
            Set<Integer> owned = assignment.stream().map(TopicPartition::partition).collect(Collectors.toSet());
            if (store != AppliedStore.NONE && owned.equals(store.owned())) {
                return;
            }
            positions.clear();
            pending.clear();
            seqs.clear();
            received.clear();
            verdicts.clear();
            lastSeq.set(0);
            consumer.seekToBeginning(assignment);
            // read_committed: the end offsets are the last stable ones, so catching up waits for no open transaction.
            catchUpTo = consumer.endOffsets(assignment);
            store = new AppliedStore(owned);
        }
    }
}
