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
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
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
 * partitions it starts a new engine, loads the snapshots of its partitions it finds in its directory, with what
 * numbering each partition's later records needs, and applies each partition from the offset after its snapshot,
 * or from its start; every {@code snapshotInterval} it writes them anew (docs/scaling.md, "Snapshots"). Runs on a
 * thread of its own: a Kafka consumer is not thread-safe.
 */
final class PartitionApplier implements Runnable {

    private static final Duration POLL = Duration.ofMillis(100);
    private static final System.Logger LOG = System.getLogger(PartitionApplier.class.getName());

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
    /** Per partition, the highest seq its records read took: what its snapshot tells ({@link PartitionNumbering}). */
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
        this.partitions = partitions;
        this.seqs = new LogSeqs(partitions.count());
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

    Verdicts verdicts() {
        return verdicts;
    }

    /** Calls {@code listener} (it must only schedule) after records were applied or the partitions owned changed. */
    Runnable onApplied(Runnable listener) {
        appliedListeners.add(listener);
        return () -> appliedListeners.remove(listener);
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
                AppliedStore before = store;
                ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL);
                for (ConsumerRecord<byte[], byte[]> record : records) {
                    apply(record);
                }
                advancePositions();
                if (!records.isEmpty() || store != before) {
                    appliedListeners.forEach(Runnable::run);
                }
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
        AppliedStore engine = store;
        int partition = record.partition();
        recordsRead.merge(partition, 1L, Long::sum);
        Header floor = record.headers().lastHeader(LogSeqs.FLOOR);
        if (floor != null) {
            seqs.floor(partition, record.offset(), floor);
            return;
        }
        long seq = seqs.of(partition, record.offset());
        Header request = record.headers().lastHeader(RequestHeader.NAME);
        if (record.value() == null) {
            highestSeqs.merge(partition, seq, Math::max);
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
        highestSeqs.merge(partition, admitted.event().seq(), Math::max);
        Set<Integer> awaitedIn = start.coupledWith(partition);
        pending.event(header.request(), awaitedIn, header.recordsIn(awaitedIn), admitted, partition, record.offset(),
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
            durableUpTo(applied, partition.partition(), position);
            caughtUp &= position >= catchUpTo.getOrDefault(partition, 0L);
        }
        if (!applied.caughtUp() && caughtUp) {
            store = applied.asCaughtUp();
        }
    }

    /**
     * Every record of the partition before the position is applied, and seqs increase along the log: the seq of the
     * record before the position is the stream's durable seq. Not the highest seq applied, since a request is applied
     * at the place of its first record and its later records may lie after another request's not yet applied.
     */
    private void durableUpTo(AppliedStore applied, int partition, long position) {
        if (position > 0) {
            applied.seqs().applied(partition, seqs.of(partition, position - 1));
        }
    }

    /** What numbers the partition's later records: what its snapshot keeps. */
    private PartitionNumbering numbering(int partition) {
        return new PartitionNumbering(highestSeqs.getOrDefault(partition, 0L), seqs.floorOf(partition),
                received.getOrDefault(partition, PartitionNumbering.NONE_RECEIVED));
    }

    /** Takes up the numbering a snapshot of the partition kept, as if this node had applied it from its start. */
    private void resume(int partition, PartitionNumbering numbering) {
        highestSeqs.put(partition, numbering.highestSeq());
        seqs.resume(partition, numbering.seqFloor());
        if (numbering.latestReceived() != PartitionNumbering.NONE_RECEIVED) {
            received.put(partition, numbering.latestReceived());
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
                    Map<Integer, PartitionNumbering> numberings = new HashMap<>();
                    for (int partition : group) {
                        offsets.put(partition, consumer.position(new TopicPartition(topic, partition)));
                        numberings.put(partition, numbering(partition));
                    }
                    snapshots.get().write(group, applied.engine(), offsets, numberings);
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
            seqs.clear();
            received.clear();
            verdicts.clear();
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
            AppliedStore applied = new AppliedStore(loaded.engine(), new AppliedSeqs(), owned, false);
            start.covers().forEach((partition, cover) -> {
                resume(partition, cover.numbering());
                // A stream position issued before the snapshot stays valid: the partition is applied up to it.
                durableUpTo(applied, partition, cover.offset());
            });
            lastSeq.set(start.highestSeq());
            nextSnapshot = System.nanoTime() + snapshotInterval.toNanos();
            store = applied;
        }
    }
}
