package dev.timelines.adapters.out.kafka;

import java.time.Duration;
import java.util.Map;

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
 */
public record KafkaStoreOptions(String bootstrapServers, String topic, int partitions, short replication,
        String group, String node, String address, Duration timeout, Map<String, Object> client) {

    public KafkaStoreOptions {
        if (partitions < 1 || replication < 1) {
            throw new IllegalArgumentException("the topic needs at least one partition and one replica");
        }
        client = Map.copyOf(client);
    }

    /** {@code min.insync.replicas} of a topic the adapter creates: an acknowledged write survives one lost broker. */
    int minInsyncReplicas() {
        return Math.min(2, replication);
    }
}
