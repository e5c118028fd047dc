package dev.timelines.adapters.out.kafka;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * How a node reaches its Kafka cluster and the topic it keeps the events in.
 *
 * @param bootstrapServers the brokers to start from ({@code host:port,…})
 * @param topic the topic of the events; created with {@code partitions} and {@code replication} when missing
 * @param partitions how many partitions the topic is created with: the most nodes that can share the work
 * @param replication the replicas of each partition when the adapter creates the topic (3 in production)
 * @param group the consumer group every node of one cluster joins
 * @param node this node's name: its transactional id, so that a restarted node fences its former self
 * @param address this node's HTTP address as the other nodes reach it ({@code http://host:port}), published to
 *     the group ({@link AddressAssignor})
 * @param timeout how long a request may wait for Kafka (a commit, its own events applied) before a 503
 * @param client further Kafka client settings (security, say), given to the producer, consumer and admin alike
 * @param snapshotDir where this node keeps a snapshot of each partition it owns (docs/scaling.md, "Snapshots");
 *     none: every partition gained is applied from its start
 * @param snapshotInterval how often the snapshots are written
 */
public record KafkaStoreOptions(String bootstrapServers, String topic, int partitions, short replication,
        String group, String node, String address, Duration timeout, Map<String, Object> client,
        Optional<Path> snapshotDir, Duration snapshotInterval) {

    public KafkaStoreOptions {
        if (partitions < 1 || replication < 1) {
            throw new IllegalArgumentException("the topic needs at least one partition and one replica");
        }
        if (snapshotInterval.isNegative() || snapshotInterval.isZero()) {
            throw new IllegalArgumentException("snapshots need a positive interval, not " + snapshotInterval);
        }
        client = Map.copyOf(client);
    }

    /** Without snapshots. */
    public KafkaStoreOptions(String bootstrapServers, String topic, int partitions, short replication, String group,
            String node, String address, Duration timeout, Map<String, Object> client) {
        this(bootstrapServers, topic, partitions, replication, group, node, address, timeout, client,
                Optional.empty(), Duration.ofMinutes(10));
    }

    /** These options with snapshots of the partitions owned in {@code dir}, every {@code interval}. */
    public KafkaStoreOptions withSnapshots(Path dir, Duration interval) {
        return new KafkaStoreOptions(bootstrapServers, topic, partitions, replication, group, node, address, timeout,
                client, Optional.of(dir), interval);
    }

    /** {@code min.insync.replicas} of a topic the adapter creates: an acknowledged write survives one lost broker. */
    int minInsyncReplicas() {
        return Math.min(2, replication);
    }
}
