package dev.timelines.bootstrap;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;

/**
 * {@link KafkaStorage} on a fixed port, published to the group as this node's address, so that other nodes of the
 * group can ask it for its part of an answer.
 */
public class KafkaClusterNode implements QuarkusTestProfile {

    static final int PORT = freePort();

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("timelines.storage", "kafka", "quarkus.http.test-port", Integer.toString(PORT),
                "timelines.kafka.address", "http://localhost:" + PORT);
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(KafkaStorage.Cluster.class));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
