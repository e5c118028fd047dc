package dev.timelines.bootstrap;

import dev.timelines.adapters.out.journal.CompactionPolicy;
import dev.timelines.adapters.out.journal.FsyncListener;
import dev.timelines.adapters.out.journal.FsyncPolicy;
import dev.timelines.adapters.out.journal.JournalEventStore;
import dev.timelines.adapters.out.journal.LogOptions;
import dev.timelines.adapters.in.rest.StreamConfig;
import dev.timelines.adapters.out.journal.SnapshotPolicy;
import dev.timelines.adapters.out.kafka.ClusterParts;
import dev.timelines.adapters.out.kafka.HttpPartTransport;
import dev.timelines.adapters.out.kafka.KafkaEventStore;
import dev.timelines.adapters.out.kafka.KafkaStoreOptions;
import dev.timelines.adapters.out.memory.InMemoryEventStore;
import dev.timelines.adapters.out.memory.HistoryLimits;
import dev.timelines.adapters.out.memory.IndexLimits;
import dev.timelines.adapters.out.postgres.PostgresEventStore;
import dev.timelines.adapters.out.postgres.PostgresStoreHistory;
import dev.timelines.application.port.out.EventLog;
import dev.timelines.application.port.out.IndexedAnswers;
import dev.timelines.application.port.out.StoreHistory;
import dev.timelines.application.port.out.OtherParts;
import dev.timelines.application.port.out.StoreScans;
import dev.timelines.application.port.out.TimelineReader;
import io.quarkus.runtime.configuration.DurationConverter;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/** Provides the storage ports from the adapter that {@code timelines.storage} names. */
public class StorageProducers {

    private static final Logger LOG = Logger.getLogger(StorageProducers.class);

    /**
     * Opened at start by {@link StorageOpening}, on a thread of its own while HTTP already listens, not at the first
     * request: a journal is replayed (or refused) up front.
     */
    @Produces
    @Singleton
    Storage storage(StorageConfig config, IndexConfig index, StreamConfig stream, Instance<FsyncListener> fsyncs,
            Instance<DataSource> dataSource, AnswerPositions positions) {
        InMemoryEventStore memory = new InMemoryEventStore(new IndexLimits(index.maxValues(), index.maxAttributes()),
                new HistoryLimits(stream.retainedSeqs(), stream.retainedDeletedEvents()));
        return switch (config.storage()) {
            case MEMORY -> new Storage(memory, memory, memory, memory, memory, () -> true, () -> { },
                    sizeOf(memory));
            // Looked up only here, so that the fsync histogram exists only where there are fsyncs to time.
            case JOURNAL -> journal(config.journal(), memory, fsyncs.get());
            case POSTGRES -> postgres(dataSource.get(), index, stream);
            case KAFKA -> kafka(config.kafka(), positions);
        };
    }

    /**
     * Joins the group and returns once the group has given every partition and this node has applied its own; the
     * questions across timelines are merged with the other nodes' parts, one timeline is read from its partition's
     * owner, and a request is written through this node, the owners of its partitions telling their verdicts
     * (docs/scaling.md, Kafka).
     */
    private static Storage kafka(StorageConfig.Kafka config, AnswerPositions positions) {
        long started = System.nanoTime();
        Map<String, Object> client = KafkaClientSettings.from(ConfigProvider.getConfig());
        KafkaEventStore store = KafkaEventStore.open(new KafkaStoreOptions(KafkaClientSettings.bootstrapServers(client),
                config.topic(), config.partitions(), config.replication(), config.group(),
                config.node().orElseGet(() -> UUID.randomUUID().toString()),
                config.address().orElseGet(StorageProducers::defaultAddress), config.timeout(), client));
        LOG.infof("Kafka topic %s applied in %d ms", config.topic(), (System.nanoTime() - started) / 1_000_000);
        ClusterParts parts = new ClusterParts(store, new HttpPartTransport(config.partTimeout(),
                config.peerKey().map(key -> "Bearer " + key)), config.partTimeout(), config.positionTimeout(),
                positions);
        // Each node applies the partitions on its own: the seqs it has applied have gaps it cannot see. A request is
        // written through any node, and one timeline is read from the owner of its partition.
        return new Storage(parts, parts, store, store, new NoStoreHistory("Kafka"), () -> true, store,
                Optional.of(new StoreSize(store::timelineCount, store::eventCount)), parts);
    }

    /** This host's name and the HTTP port: where the other nodes of a cluster on one network reach this one. */
    private static String defaultAddress() {
        int port = ConfigProvider.getConfig().getOptionalValue("quarkus.http.port", Integer.class).orElse(8080);
        try {
            return "http://" + InetAddress.getLocalHost().getHostName() + ":" + port;
        } catch (UnknownHostException e) {
            throw new IllegalStateException("this host has no name: set timelines.kafka.address", e);
        }
    }

    /**
     * The datasource is looked up only for this storage: with any other it stays inactive, so no connection is
     * attempted and no URL is needed. Counting its events would be a scan, so its size is not reported.
     */
    private static Storage postgres(DataSource dataSource, IndexConfig index, StreamConfig stream) {
        long started = System.nanoTime();
        PostgresEventStore store = PostgresEventStore.open(dataSource, index.maxAttributes());
        // The history is the database's: every instance on it reads the same, and hears of the others' writes.
        PostgresStoreHistory history = PostgresStoreHistory.open(store, stream.retainedSeqs());
        LOG.infof("PostgreSQL storage opened, its schema migrated, in %d ms",
                (System.nanoTime() - started) / 1_000_000);
        return new Storage(store, store, store, store, history, store::isReachable, history, Optional.empty());
    }

    private static Storage journal(StorageConfig.Journal config, InMemoryEventStore memory, FsyncListener fsyncs) {
        long started = System.nanoTime();
        JournalEventStore journal = JournalEventStore.open(config.dir(), options(config).withFsyncListener(fsyncs),
                memory);
        LOG.infof("journal in %s replayed in %d ms", config.dir().toAbsolutePath(),
                (System.nanoTime() - started) / 1_000_000);
        // The journal makes a batch visible in the memory engine once durable: the engine's history is the journal's.
        return new Storage(journal, memory, memory, memory, memory, journal::isWritable, journal, sizeOf(memory));
    }

    private static Optional<StoreSize> sizeOf(InMemoryEventStore memory) {
        return Optional.of(new StoreSize(memory::timelineCount, memory::eventCount));
    }

    private static LogOptions options(StorageConfig.Journal config) {
        FsyncPolicy fsync = config.fsync().equals("always")
                ? FsyncPolicy.always()
                : FsyncPolicy.interval(DurationConverter.parseDuration(config.fsync()));
        return LogOptions.defaults()
                .withFsync(fsync)
                .withMaxSegmentBytes(config.segmentBytes())
                .withTruncateCorruptTail(config.truncateCorruptTail())
                .withCompaction(new CompactionPolicy(config.compaction().enabled(),
                        config.compaction().minDeadBytes(), config.compaction().minDeadRatio()))
                .withSnapshot(new SnapshotPolicy(config.snapshot().enabled(), config.snapshot().intervalBytes()));
    }

    /** Flushes and closes the storage when the application stops, after in-flight requests have finished. */
    void close(@Disposes Storage storage) throws Exception {
        storage.resources().close();
    }

    /** The ports the services use: the storage once it is open, a 503 before (docs/operations.md, Start). */
    @Produces
    @Singleton
    EventLog eventLog(StorageOpening opening) {
        return new GatedStorage(opening);
    }

    @Produces
    @Singleton
    TimelineReader timelineReader(StorageOpening opening) {
        return new GatedStorage(opening);
    }

    @Produces
    @Singleton
    OtherParts otherParts(StorageOpening opening) {
        return new GatedStorage(opening);
    }

    @Produces
    @Singleton
    StoreScans storeScans(StorageOpening opening) {
        return new GatedStorage(opening);
    }

    @Produces
    @Singleton
    IndexedAnswers indexedAnswers(StorageOpening opening) {
        return new GatedStorage(opening);
    }

    @Produces
    @Singleton
    StoreHistory storeHistory(StorageOpening opening) {
        return new GatedStorage(opening);
    }
}
