package dev.timelines.adapters.out.kafka;

import dev.timelines.adapters.out.memory.EventBytes;
import dev.timelines.adapters.out.memory.InMemoryEventStore;
import dev.timelines.domain.EventId;
import dev.timelines.domain.TimelineEvent;
import dev.timelines.domain.TimelineKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * This node's member of the consumer group: reads the committed records of the partitions the group gives it
 * ({@code read_committed}: an aborted request is never applied) and applies them in log order to the memory
 * engine. When the group moves partitions it starts a new engine, loads the snapshots of its partitions it finds
 * in its directory and applies each partition from the offset after its snapshot, or from its start; every
 * {@code snapshotInterval} it writes them anew (docs/scaling.md, "Snapshots"). Runs on a thread of its own: a
 * Kafka consumer is not thread-safe.
 */
final class PartitionApplier implements Runnable {

    private static final Duration POLL = Duration.ofMillis(100);
    private static final System.Logger LOG = System.getLogger(PartitionApplier.class.getName());

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final String topic;
    private final AppliedPositions positions = new AppliedPositions();
    private final PartitionOwners owners;
    private final PendingRequests pending = new PendingRequests();
    /** The highest seq applied: the writer numbers new events after it. */
    private final AtomicLong lastSeq = new AtomicLong();
    /** Per partition, the highest seq its records read took: what its snapshot tells. */
    private final Map<Integer, Long> highestSeqs = new HashMap<>();
    /** Per partition, records read since this node last gained partitions: what snapshots save shows here. */
    private final Map<Integer, Long> recordsRead = new ConcurrentHashMap<>();
    private final Optional<PartitionSnapshots> snapshots;
    private final Duration snapshotInterval;
    /** Asked for from other threads: a snapshot of every partition now, completed once written. */
    private final Queue<CompletableFuture<Void>> snapshotsAsked = new ConcurrentLinkedQueue<>();
    /** The groups of partitions written in the snapshot under way, each at a moment when none of them waits. */
    private final Set<Set<Integer>> snapshotted = new HashSet<>();
    private long nextSnapshot;
    private StartPoints start = StartPoints.fromStart(Set.of());
    private volatile AppliedStore store = AppliedStore.NONE;
    private volatile RuntimeException failure;
    private Map<TopicPartition, Long> catchUpTo = Map.of();

    PartitionApplier(KafkaStoreOptions options, TimelinePartitions partitions) {
        this.topic = options.topic();
        this.owners = new PartitionOwners(options.address());
        this.snapshots = options.snapshotDir().map(dir -> new PartitionSnapshots(dir, topic, partitions));
        this.snapshotInterval = options.snapshotInterval();
        Map<String, Object> config = new HashMap<>(options.client());
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, options.bootstrapServers());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, options.group());
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // Positions are not committed: a node applies its partitions after its own snapshots, or from the start.
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

    Map<Integer, Long> recordsRead() {
        return Map.copyOf(recordsRead);
    }

    /** Asks for a snapshot of every partition owned, written once each can be (below); completed then. */
    CompletableFuture<Void> snapshot() {
        if (snapshots.isEmpty()) {
            return CompletableFuture.failedFuture(new IllegalStateException("no snapshot directory is configured"));
        }
        CompletableFuture<Void> written = new CompletableFuture<>();
        snapshotsAsked.add(written);
        return written;
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
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                    apply(record);
                }
                advancePositions();
                snapshotWhenDue();
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
        InMemoryEventStore engine = store.engine();
        recordsRead.merge(record.partition(), 1L, Long::sum);
        if (record.value() == null) {
            DeletionHeader.from(record.headers()).ifPresent(seq -> highestSeqs.merge(record.partition(), seq,
                    Math::max));
            pending.delete(new PendingRequests.Delete(new TimelineKey(new String(record.key(), StandardCharsets.UTF_8)),
                    DeletionHeader.from(record.headers())), record.partition(), record.offset(),
                    applied -> apply(engine, applied));
            return;
        }
        TimelineEvent admitted;
        try {
            admitted = EventBytes.from(record.value());
        } catch (IOException e) {
            throw new IllegalStateException("record " + record.offset() + " of partition " + record.partition()
                    + " is not an event", e);
        }
        highestSeqs.merge(record.partition(), admitted.event().seq(), Math::max);
        RequestHeader request = RequestHeader.from(record.headers().lastHeader(RequestHeader.NAME));
        Set<Integer> awaitedIn = start.coupledWith(record.partition());
        pending.event(request.request(), awaitedIn, request.recordsIn(awaitedIn), admitted, record.partition(),
                record.offset(), applied -> apply(engine, applied));
    }

    private void apply(InMemoryEventStore engine, PendingRequests.Applied applied) {
        if (applied instanceof PendingRequests.Events request) {
            restore(engine, request.events());
        } else if (applied instanceof PendingRequests.Delete delete) {
            if (delete.seq().isPresent()) {
                engine.replayDeletion(delete.timeline(), delete.seq().getAsLong());
                lastSeq.accumulateAndGet(delete.seq().getAsLong(), Math::max);
            } else {
                engine.delete(delete.timeline());
            }
        }
    }

    /** The writer checked the ids; another node writing the same id at the same moment lost the race in the log. */
    private void restore(InMemoryEventStore engine, List<TimelineEvent> events) {
        List<TimelineEvent> kept = new ArrayList<>();
        Set<Map.Entry<TimelineKey, EventId>> ids = new HashSet<>();
        for (TimelineEvent admitted : events) {
            if (admitted.event().id().map(id -> !engine.holds(admitted.timeline(), id)
                    && ids.add(Map.entry(admitted.timeline(), id))).orElse(true)) {
                kept.add(admitted);
            }
            lastSeq.accumulateAndGet(admitted.event().seq(), Math::max);
        }
        engine.replay(kept);
    }

    /** The consumer's position counts the transaction markers too: the writer waits for the offsets it wrote. */
    private void advancePositions() {
        AppliedStore applied = store;
        boolean caughtUp = true;
        for (TopicPartition partition : consumer.assignment()) {
            long position = pending.appliedUpTo(partition.partition(), consumer.position(partition));
            positions.advance(partition.partition(), position);
            caughtUp &= position >= catchUpTo.getOrDefault(partition, 0L);
        }
        if (!applied.caughtUp() && caughtUp) {
            store = applied.asCaughtUp();
        }
    }

    /**
     * Once the interval has passed, or a snapshot was asked for, and this node has caught up: the snapshots of its
     * partitions, a group of them at a time (those that started at one point, {@link StartPoints}), each group
     * written at a moment when no record read in it waits, so that every request is in it whole or not at all.
     * Applying pauses meanwhile: the engine is read as it stands.
     */
    private void snapshotWhenDue() {
        AppliedStore applied = store;
        if (snapshots.isEmpty() || !applied.caughtUp()
                || (System.nanoTime() - nextSnapshot < 0 && snapshotsAsked.isEmpty())) {
            return;
        }
        try {
            for (Set<Integer> group : start.groups()) {
                if (!snapshotted.contains(group) && group.stream().noneMatch(pending::waiting)) {
                    Map<Integer, Long> offsets = new HashMap<>();
                    group.forEach(partition -> offsets.put(partition,
                            consumer.position(new TopicPartition(topic, partition))));
                    snapshots.get().write(group, applied.engine(), offsets, highestSeqs);
                    snapshotted.add(group);
                }
            }
            if (snapshotted.containsAll(start.groups())) {
                snapshotWritten(null);
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "writing the snapshots of topic " + topic + " failed; the next try"
                    + " is in " + snapshotInterval, e);
            snapshotWritten(e);
        }
    }

    private void snapshotWritten(IOException failure) {
        snapshotted.clear();
        nextSnapshot = System.nanoTime() + snapshotInterval.toNanos();
        for (CompletableFuture<Void> asked = snapshotsAsked.poll(); asked != null; asked = snapshotsAsked.poll()) {
            if (failure == null) {
                asked.complete(null);
            } else {
                asked.completeExceptionally(failure);
            }
        }
    }

    /**
     * On any change of the partitions owned: a new engine, with the snapshots of the partitions owned loaded, each
     * partition applied from after its snapshot or from its start.
     */
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
            highestSeqs.clear();
            recordsRead.clear();
            snapshotted.clear();
            // read_committed: the end offsets are the last stable ones, so catching up waits for no open transaction.
            catchUpTo = consumer.endOffsets(assignment);
            Map<Integer, Long> ends = new HashMap<>();
            catchUpTo.forEach((partition, end) -> ends.put(partition.partition(), end));
            PartitionSnapshots.Loaded loaded = snapshots.map(files -> files.load(owned, ends))
                    .orElseGet(() -> new PartitionSnapshots.Loaded(new InMemoryEventStore(),
                            StartPoints.fromStart(owned)));
            start = loaded.start();
            for (TopicPartition partition : assignment) {
                start.offset(partition.partition()).ifPresentOrElse(offset -> consumer.seek(partition, offset),
                        () -> consumer.seekToBeginning(List.of(partition)));
            }
            start.covers().forEach((partition, cover) -> highestSeqs.put(partition, cover.highestSeq()));
            lastSeq.set(start.highestSeq());
            nextSnapshot = System.nanoTime() + snapshotInterval.toNanos();
            store = new AppliedStore(loaded.engine(), owned, false);
        }
    }
}
