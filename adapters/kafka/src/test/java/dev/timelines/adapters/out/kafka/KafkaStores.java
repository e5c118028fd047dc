package dev.timelines.adapters.out.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Opens stores on the shared test cluster, each on a topic and group of its own, and closes them. */
final class KafkaStores implements AutoCloseable {

    /** Several partitions, so that a request spans partitions and is written as one transaction across them. */
    static final int PARTITIONS = 4;
    private static final AtomicInteger OPENED = new AtomicInteger();

    private final List<KafkaEventStore> open = new ArrayList<>();

    KafkaEventStore open() {
        KafkaEventStore store = KafkaEventStore.open(options("store-" + OPENED.incrementAndGet()));
        open.add(store);
        return store;
    }

    static KafkaStoreOptions options(String name) {
        return new KafkaStoreOptions(KafkaCluster.shared().bootstrapServers(), name, PARTITIONS, (short) 3,
                name + "-group", "node-1", "http://node-1", Duration.ofSeconds(60), Map.of());
    }

    @Override
    public void close() {
        open.forEach(KafkaEventStore::close);
        open.clear();
    }
}
