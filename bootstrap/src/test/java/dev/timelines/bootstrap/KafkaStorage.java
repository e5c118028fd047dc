package dev.timelines.bootstrap;

import dev.timelines.adapters.out.kafka.KafkaCluster;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Runs HTTP tests with {@code timelines.storage=kafka} against a real 3-broker Kafka cluster that the tests start
 * themselves ({@link KafkaCluster}), on a topic and group of their own. The service is the group's only member, and
 * writes the snapshots of its partitions every second.
 */
public class KafkaStorage implements QuarkusTestProfile {

    /** Where the service writes its snapshots: created by it, in the temporary directory. */
    static final Path SNAPSHOTS = Path.of(System.getProperty("java.io.tmpdir"), "timelines-snapshots-" + UUID.randomUUID());

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("timelines.storage", "kafka", "quarkus.http.test-port", "0",
                "timelines.kafka.snapshot-dir", SNAPSHOTS.toString(), "timelines.kafka.snapshot-interval", "1s");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(Cluster.class));
    }

    /** Points the service at the shared cluster, which lives as long as the test JVM. */
    public static class Cluster implements QuarkusTestResourceLifecycleManager {

        @Override
        public Map<String, String> start() {
            String name = "http-" + UUID.randomUUID();
            return Map.of("kafka.bootstrap.servers", KafkaCluster.shared().bootstrapServers(),
                    "timelines.kafka.topic", name, "timelines.kafka.group", name, "timelines.kafka.partitions", "4");
        }

        @Override
        public void stop() {
            // the cluster stops with the JVM; its data is temporary
        }
    }
}
