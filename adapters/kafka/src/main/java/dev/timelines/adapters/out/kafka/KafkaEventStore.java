package dev.timelines.adapters.out.kafka;

import dev.timelines.adapters.out.memory.EventBytes;
import dev.timelines.adapters.out.memory.InMemoryEventStore;
import dev.timelines.application.model.ValueUsage;
import dev.timelines.application.port.out.EventLog;
import dev.timelines.application.port.out.IndexedAnswers;
import dev.timelines.application.port.out.KeyRange;
import dev.timelines.application.port.out.SeqConflictException;
import dev.timelines.application.port.out.StayScan;
import dev.timelines.application.port.out.StorageStartingException;
import dev.timelines.application.port.out.StorageUnavailableException;
import dev.timelines.application.port.out.StoreScans;
import dev.timelines.application.port.out.ValueSpellings;
import dev.timelines.application.port.out.TimelineReader;
import dev.timelines.application.port.out.TimelineStays;
import dev.timelines.application.question.KeyRun;
import dev.timelines.application.question.PartialAdjacentValues;
import dev.timelines.application.question.PartialFunnel;
import dev.timelines.application.question.PartialProcessMap;
import dev.timelines.application.question.PartialStateCounts;
import dev.timelines.application.question.PartialTimeInStates;
import dev.timelines.application.question.StuckRun;
import dev.timelines.application.question.TransitionRun;
import dev.timelines.domain.Attribute;
import dev.timelines.domain.IncomingEvent;
import dev.timelines.domain.IngestResult;
import dev.timelines.domain.Timeline;
import dev.timelines.domain.TimelineEvent;
import dev.timelines.domain.TimelineKey;
import dev.timelines.domain.Timestamp;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The events in a Kafka topic keyed by timeline (docs/scaling.md, "Kafka"). A request is written as one
 * transaction of an idempotent producer with {@code acks=all}, so it is all or nothing across partitions and
 * durable on the in-sync replicas when it is acknowledged; a delete is a tombstone (a record without value) in the
 * same topic. The writer decides neither seqs nor duplicates: the owner of each partition does, applying its records
 * in log order ({@link PartitionApplier}), and tells its verdict ({@link #verdicts}); the reply waits for it.
 *
 * <p>Alone, this node decides for the whole store: it writes and reads only when it owns and has applied every
 * partition, which holds when it is the group's only member, and otherwise refuses with the missing partitions
 * named. With a {@link ClusterParts}, writes go through any node (the other owners asked for their verdicts), and
 * the questions across timelines and the listings (keys, attribute names and values) are merged with the other
 * owners' answers: their scans and fast paths then answer from the partitions this node owns ({@link #part()}), and
 * it checks that every partition is answered for exactly once.
 */
public final class KafkaEventStore implements EventLog, TimelineReader, StoreScans, IndexedAnswers, AutoCloseable {

    private final KafkaStoreOptions options;
    private final TimelinePartitions partitions;
    private final PartitionApplier applier;
    private final Thread applying;
    private final KafkaProducer<byte[], byte[]> producer;
    /** A producer runs one transaction at a time; an import checks its seqs and writes them with none between. */
    private final Object writing = new Object();
    /** Request ids: from a random start, so that two writers' requests never share one in practice. */
    private final AtomicLong requests = new AtomicLong(new SecureRandom().nextLong());
    private volatile boolean answersForPart;

    private KafkaEventStore(KafkaStoreOptions options, TimelinePartitions partitions) {
        this.options = options;
        this.partitions = partitions;
        this.applier = new PartitionApplier(options, partitions);
        this.applying = new Thread(applier, "kafka-apply-" + options.topic());
        this.producer = producer(options);
    }

    /**
     * Creates the topic when it is missing, joins the group and returns once the group has given every partition
     * to a member and this node has applied those it was given (all of them, when it is the only member), or
     * throws when that took longer than the options' timeout. (A first assignment may give nothing, when the group's
     * leader does not know the new topic yet.)
     */
    public static KafkaEventStore open(KafkaStoreOptions options) {
        int partitions = topicPartitions(options);
        KafkaEventStore store = new KafkaEventStore(options, new TimelinePartitions(partitions));
        store.applying.start();
        try {
            store.producer.initTransactions();
            store.awaitPart();
            return store;
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /**
     * Alone, this node decides for the whole store: it refuses, writing nothing, unless it owns and has applied
     * every partition ({@link ClusterParts} writes through a node owning some or none).
     */
    @Override
    public IngestResult append(List<IncomingEvent> events, Timestamp received) {
        engine();
        return ownVerdict(write(events, received)).ingested();
    }

    @Override
    public boolean delete(TimelineKey key) {
        engine();
        return ownVerdict(writeDeletion(key)).stored() > 0;
    }

    /**
     * Imports keep their seqs (docs/api.md, "Export and import"), which only a node owning and having applied every
     * partition can check are above every seq given: so it refuses otherwise, naming the partitions it lacks. Their
     * records keep the seq they carry, and a floor record in every partition makes the seqs numbered after them lie
     * above the import's highest ({@link LogSeqs}). Other nodes' writes meanwhile are not seen: an import is for a
     * store being filled, as docs/scaling.md says.
     */
    @Override
    public IngestResult restore(List<TimelineEvent> events) {
        synchronized (writing) {
            engine();
            long highest = applier.lastSeq();
            long first = events.get(0).event().seq();
            if (first <= highest) {
                throw new SeqConflictException(first, highest);
            }
            List<ProducerRecord<byte[], byte[]>> kept = new ArrayList<>();
            for (TimelineEvent event : events) {
                ProducerRecord<byte[], byte[]> record = record(event.timeline(), EventBytes.of(event.timeline(),
                        event.event()));
                record.headers().add(LogSeqs.keptHeader());
                kept.add(record);
            }
            List<ProducerRecord<byte[], byte[]>> floors = new ArrayList<>();
            for (int partition = 0; partition < partitions.count(); partition++) {
                ProducerRecord<byte[], byte[]> floor = new ProducerRecord<>(options.topic(), partition, null, null);
                floor.headers().add(LogSeqs.floorHeader(events.get(events.size() - 1).event().seq()));
                floors.add(floor);
            }
            return ownVerdict(commit(floors, kept)).ingested();
        }
    }

    /**
     * Writes the events as one request, all or nothing, without deciding their seqs or duplicates: the owner of
     * each partition does, applying it in log order ({@link PartitionApplier}).
     */
    WrittenRequest write(List<IncomingEvent> events, Timestamp received) {
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        for (IncomingEvent event : events) {
            records.add(record(event.timeline(), EventBytes.of(event.timeline(), event.stored(0, received))));
        }
        return commit(List.of(), records);
    }

    /** Writes the timeline's tombstone; its owner tells whether it deleted anything. */
    WrittenRequest writeDeletion(TimelineKey key) {
        return commit(List.of(), List.of(record(key, null)));
    }

    /**
     * This node's verdicts on a request in the partitions of {@code offsets} it owns, once it has applied them up
     * to those offsets; a partition it does not own, or has not applied within the timeout, has none.
     */
    Map<Integer, Verdicts.Verdict> verdicts(long request, Map<Integer, Long> offsets, Duration timeout) {
        Map<Integer, Long> own = new HashMap<>(offsets);
        own.keySet().retainAll(applier.store().owned());
        try {
            if (own.isEmpty() || !applier.positions().await(own, timeout)) {
                return Map.of();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Map.of();
        }
        Map<Integer, Verdicts.Verdict> decided = new HashMap<>(applier.verdicts().of(request));
        decided.keySet().retainAll(own.keySet());
        return decided;
    }

    /**
     * Waits until this node has applied each partition it owns among {@code positions} up to its position (the form
     * replies state: the offset of the next record); a 503 naming those it has not applied so far within the
     * timeout.
     */
    void awaitPositions(Map<Integer, Long> positions, Duration timeout) {
        Map<Integer, Long> offsets = new HashMap<>();
        positions.forEach((partition, position) -> offsets.put(partition, position - 1));
        offsets.keySet().retainAll(applier.store().owned());
        try {
            if (offsets.isEmpty() || applier.positions().await(offsets, timeout)) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Map<Integer, Long> applied = applier.positions().applied();
        SortedMap<Integer, Long> behind = new TreeMap<>(offsets);
        behind.entrySet().removeIf(offset -> applied.getOrDefault(offset.getKey(), 0L) > offset.getValue());
        behind.replaceAll((partition, offset) -> applied.getOrDefault(partition, 0L));
        throw new StorageStartingException("partitions " + behind.keySet() + " of topic " + options.topic()
                + " were not applied up to the positions asked (" + HttpPartTransport.header(positions) + ") within "
                + timeout + ": this node has applied them up to " + HttpPartTransport.header(behind));
    }

    /** The request's verdict, every partition it wrote being owned here. */
    private Verdicts.Verdict ownVerdict(WrittenRequest written) {
        return written.verdict(verdicts(written.request(), written.offsets(), options.timeout()), options.timeout(),
                Map.of());
    }

    @Override
    public Optional<Timeline> timeline(TimelineKey key) {
        return engine().timeline(key);
    }

    @Override
    public void inSeqOrder(Optional<TimelineKey> timeline, Consumer<TimelineEvent> event) {
        engine().inSeqOrder(timeline, event);
    }

    @Override
    public List<TimelineKey> lastEventBefore(Timestamp moment) {
        return engine().lastEventBefore(moment);
    }

    @Override
    public List<TimelineKey> keys(KeyRange range, Optional<Timestamp> asOf) {
        return questions().keys(range, asOf);
    }

    @Override
    public void stays(StayScan scan, Consumer<TimelineStays> timeline) {
        questions().stays(scan, timeline);
    }

    @Override
    public List<String> attributeNames(Optional<String> after, int limit, Optional<Timestamp> asOf) {
        return questions().attributeNames(after, limit, asOf);
    }

    @Override
    public ValueSpellings spellings(Attribute attribute) {
        return questions().spellings(attribute);
    }

    @Override
    public List<ValueUsage> values(Attribute attribute, Optional<Timestamp> asOf) {
        return questions().values(attribute, asOf);
    }

    @Override
    public boolean keys(Attribute attribute, KeyRun partial) {
        return questions().keys(attribute, partial);
    }

    @Override
    public boolean transitions(Attribute attribute, TransitionRun partial) {
        return questions().transitions(attribute, partial);
    }

    @Override
    public boolean processMap(Attribute attribute, PartialProcessMap partial) {
        return questions().processMap(attribute, partial);
    }

    @Override
    public boolean adjacent(Attribute attribute, PartialAdjacentValues partial) {
        return questions().adjacent(attribute, partial);
    }

    @Override
    public boolean statesAt(Attribute attribute, PartialStateCounts partial) {
        return questions().statesAt(attribute, partial);
    }

    @Override
    public boolean timeInStates(Attribute attribute, PartialTimeInStates partial) {
        return questions().timeInStates(attribute, partial);
    }

    @Override
    public boolean changedSince(StayScan scan, Consumer<TimelineStays> now, Consumer<TimelineStays> then) {
        return questions().changedSince(scan, now, then);
    }

    @Override
    public boolean stuck(Attribute attribute, StuckRun partial) {
        return questions().stuck(attribute, partial);
    }

    @Override
    public boolean funnel(Attribute attribute, PartialFunnel partial) {
        return questions().funnel(attribute, partial);
    }

    /** Which node owns which partition, by address, as the group's last rebalance gave it. */
    public PartitionOwners owners() {
        return applier.owners();
    }

    /** Events applied on this node, at no cost: for operations, not for answers. */
    public long eventCount() {
        return applier.store().engine().eventCount();
    }

    /** Timelines applied on this node, at no cost: for operations, not for answers. */
    public long timelineCount() {
        return applier.store().engine().timelineCount();
    }

    /**
     * Per partition, the records this node read since it last gained partitions: after their snapshots, or from
     * their start.
     */
    Map<Integer, Long> recordsRead() {
        return applier.recordsRead();
    }

    /** A snapshot of every partition this node owns now, not at the next interval; completed once written. */
    CompletableFuture<Void> snapshot() {
        return applier.snapshot();
    }

    @Override
    public void close() {
        applier.stop();
        try {
            applying.join(options.timeout().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close(options.timeout());
    }

    /** Once a {@link ClusterParts} merges this node's answers with the other owners', they come from its part. */
    void answerForPart() {
        answersForPart = true;
    }

    /**
     * The engine the questions across timelines and the listings are answered from: this node's part when a
     * {@link ClusterParts} merges it with the others', else the whole store (every partition, or a 503).
     */
    private InMemoryEventStore questions() {
        return answersForPart ? part().engine() : engine();
    }

    /**
     * The partitions this node owns and has applied, with their engine: what the questions across timelines are
     * answered from on this node, their other parts being asked of the other owners ({@link ClusterParts}).
     */
    AppliedStore part() {
        AppliedStore store = applier.store();
        if (!store.caughtUp() || !store.owned().equals(owners().mine())) {
            throw new StorageStartingException("partitions " + owners().mine() + " of topic " + options.topic()
                    + " are still being read on this node");
        }
        return store;
    }

    /**
     * Whether {@code applied} is still this node's part and holds the partition: what a history of the partition
     * read from it needs ({@link PartitionHistory}).
     */
    boolean holds(AppliedStore applied, int partition) {
        AppliedStore now = applier.store();
        return now.engine() == applied.engine() && now.caughtUp() && now.owned().contains(partition)
                && owners().mine().equals(now.owned());
    }

    /** Calls {@code listener} (it must only schedule) after records were applied or the partitions owned changed. */
    Runnable onApplied(Runnable listener) {
        return applier.onApplied(listener);
    }

    /** The partition that holds a timeline. */
    int partitionOf(TimelineKey key) {
        return partitions.of(key);
    }

    int partitionCount() {
        return partitions.count();
    }

    String topic() {
        return options.topic();
    }

    /** Up to where this node has applied each partition it owns. */
    Map<Integer, Long> positions() {
        return applier.positions().applied();
    }

    /** The engine, when this node has applied every partition; else a 503 naming the partitions it lacks. */
    private InMemoryEventStore engine() {
        AppliedStore store = applier.store();
        SortedSet<Integer> missing = store.missing(partitions.count());
        if (!missing.isEmpty()) {
            throw new StorageStartingException("partitions " + missing + " of topic " + options.topic()
                    + " are not applied on this node (owned by another node, or still being read)");
        }
        return store.engine();
    }

    private ProducerRecord<byte[], byte[]> record(TimelineKey key, byte[] value) {
        return new ProducerRecord<>(options.topic(), partitions.of(key), TimelinePartitions.bytes(key), value);
    }

    /**
     * Writes a request's records as one transaction, each with the request's header, after the {@code unnumbered}
     * records that are no part of it (an import's floors); returns where its records lie.
     */
    private WrittenRequest commit(List<ProducerRecord<byte[], byte[]>> unnumbered,
            List<ProducerRecord<byte[], byte[]>> records) {
        Map<Integer, Integer> perPartition = new HashMap<>();
        records.forEach(record -> perPartition.merge(record.partition(), 1, Integer::sum));
        RequestHeader header = new RequestHeader(requests.incrementAndGet(), perPartition);
        records.forEach(record -> record.headers().add(header.toHeader()));
        Map<Integer, Long> written = new HashMap<>();
        synchronized (writing) {
            try {
                producer.beginTransaction();
                unnumbered.forEach(producer::send);
                List<Future<RecordMetadata>> sent = new ArrayList<>();
                records.forEach(record -> sent.add(producer.send(record)));
                producer.commitTransaction();
                for (Future<RecordMetadata> metadata : sent) {
                    RecordMetadata offset = metadata.get();
                    written.merge(offset.partition(), offset.offset(), Math::max);
                }
            } catch (KafkaException e) {
                abort(e);
                throw new StorageUnavailableException("Kafka did not take the request: " + e.getMessage(), e);
            } catch (ExecutionException e) {
                throw new StorageUnavailableException("Kafka did not take the request: " + e.getCause(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StorageUnavailableException("interrupted while writing to Kafka", e);
            }
        }
        return new WrittenRequest(header.request(), written, options.topic());
    }

    /** After a failed send or commit the transaction is given up; a fatal error leaves the producer unusable. */
    private void abort(KafkaException cause) {
        try {
            producer.abortTransaction();
        } catch (KafkaException | IllegalStateException fatal) {
            cause.addSuppressed(fatal);
        }
    }

    private void awaitPart() {
        long deadline = System.nanoTime() + options.timeout().toNanos();
        while (true) {
            try {
                part();
                if (owners().byPartition().size() == partitions.count()) {
                    return;
                }
                throw new StorageStartingException("the group has not given every partition of topic "
                        + options.topic() + " to a member yet");
            } catch (StorageStartingException notYet) {
                if (System.nanoTime() > deadline) {
                    throw notYet;
                }
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static KafkaProducer<byte[], byte[]> producer(KafkaStoreOptions options) {
        Map<String, Object> config = new HashMap<>(options.client());
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, options.bootstrapServers());
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "timelines-" + options.topic() + "-" + options.node());
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, options.timeout().toMillis());
        // A request is sent whole and committed at once: nothing to gain by waiting for more records.
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        return new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
    }

    /**
     * The partitions of the topic, created when missing with replication 3 (or as configured) and
     * {@code min.insync.replicas} 2, so that an acknowledged write has two copies. An existing topic keeps its
     * partition count: that is what decides where each timeline lives.
     */
    /**
     * The partition count of a topic another node has just created: until the brokers' metadata has it, describing it
     * answers that it is unknown (nodes of a cluster starting at once), so that is asked again within the timeout.
     */
    private static int existingPartitions(Admin admin, KafkaStoreOptions options)
            throws ExecutionException, TimeoutException, InterruptedException {
        long deadline = System.nanoTime() + options.timeout().toNanos();
        while (true) {
            try {
                return admin.describeTopics(List.of(options.topic())).allTopicNames()
                        .get(options.timeout().toMillis(), TimeUnit.MILLISECONDS).get(options.topic()).partitions()
                        .size();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }

    private static int topicPartitions(KafkaStoreOptions options) {
        Map<String, Object> config = new HashMap<>(options.client());
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, options.bootstrapServers());
        try (Admin admin = Admin.create(config)) {
            NewTopic topic = new NewTopic(options.topic(), options.partitions(), options.replication())
                    .configs(Map.of("min.insync.replicas", Integer.toString(options.minInsyncReplicas())));
            try {
                admin.createTopics(List.of(topic)).all().get(options.timeout().toMillis(), TimeUnit.MILLISECONDS);
                return options.partitions();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
            return existingPartitions(admin, options);
        } catch (ExecutionException e) {
            throw new StorageUnavailableException("cannot create or describe topic " + options.topic() + ": "
                    + e.getCause(), e);
        } catch (TimeoutException e) {
            throw new StorageUnavailableException("Kafka did not create topic " + options.topic() + " within "
                    + options.timeout(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
