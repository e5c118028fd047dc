package dev.timelines.bootstrap;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.timelines.adapters.out.kafka.AnswerScope;
import dev.timelines.adapters.out.kafka.ClusterParts;
import dev.timelines.adapters.out.kafka.HttpPartTransport;
import dev.timelines.adapters.out.kafka.KafkaCluster;
import dev.timelines.adapters.out.kafka.KafkaEventStore;
import dev.timelines.adapters.out.kafka.KafkaStoreOptions;
import dev.timelines.adapters.out.kafka.PartTransport;
import dev.timelines.adapters.out.kafka.RandomWrites;
import dev.timelines.application.port.out.StorageStartingException;
import dev.timelines.application.service.PartService;
import dev.timelines.application.service.PartitionedStreamService;
import dev.timelines.domain.Timestamp;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * The service as one node of a Kafka cluster streams the transitions of the whole store over HTTP while a second node
 * of its group, in the test's JVM, owns some partitions and serves their steps over {@code POST /internal/parts}: the
 * fold of the messages received while a writer writes late events, repeated ids and deletes equals
 * {@code /transitions?entries=true}; a position naming another number of partitions is a 400 naming {@code after}.
 */
@QuarkusTest
@TestProfile(KafkaClusterNode.class)
class ClusterStreamApiTest {

    private static final String STREAM = "http://localhost:" + KafkaClusterNode.PORT
            + "/transitions/stream?attribute=status&entries=true";
    private static final String TRANSITIONS = "/transitions?attribute=status&entries=true&limit=10000";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theServiceStreamsTheWholeStoreWhileAnotherNodeOwnsSomePartitions() throws Exception {
        String topic = ConfigProvider.getConfig().getValue("timelines.kafka.topic", String.class);
        String group = ConfigProvider.getConfig().getValue("timelines.kafka.group", String.class);
        HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        String address = "http://localhost:" + server.getAddress().getPort();
        try (KafkaEventStore writer = KafkaEventStore.open(options(topic, group + "-writer", "stream-writer", "-"));
                KafkaEventStore second = KafkaEventStore.open(options(topic, group, "stream-second", address))) {
            ClusterParts parts = new ClusterParts(second, new HttpPartTransport(Duration.ofSeconds(5),
                    Optional.empty()), Duration.ofSeconds(5), Duration.ofSeconds(5), AnswerScope.COMPLETE);
            serve(server, parts, new PartService(second, second), new PartitionedStreamService(parts.streamParts(),
                    1000, Duration.ofSeconds(5), Duration.ofMillis(100)));
            Random random = new Random(31);
            write(writer, random, 5);
            SseClient stream = opened();
            try (stream) {
                stream.awaitConnected();
                // The set as of the stream's start: asked once both nodes own their partitions, as the stream did.
                Map<JsonNode, Integer> folded = awaitAnswered(() -> items(given().get(TRANSITIONS)));
                write(writer, random, 25);
                Map<JsonNode, Integer> expected = awaitAnswered(() -> items(given().get(TRANSITIONS)));
                long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                Map<JsonNode, Integer> received = folded;
                while (System.nanoTime() < deadline) {
                    received = fold(folded, stream.messages());
                    if (received.equals(expected)) {
                        break;
                    }
                    Thread.sleep(100);
                }
                assertEquals(expected, received);
                assertTrue(stream.messages().size() > 10, "messages from both nodes' partitions");
                assertTrue(stream.lastId().orElseThrow().matches("([0-9a-z]+-[0-9a-z]+-[0-9a-z]+\\.){3}"
                        + "[0-9a-z]+-[0-9a-z]+-[0-9a-z]+"), "one position per partition: " + stream.lastId());
            }
            Response malformed = given().get("/transitions/stream?attribute=status&after=1-1-0");
            assertEquals(400, malformed.statusCode());
            assertEquals("after", malformed.path("errors[0].at"));
        } finally {
            server.stop(0);
        }
    }

    /** The stream, once the group has split the partitions between the nodes and both answer. */
    private static SseClient opened() throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (true) {
            SseClient stream = SseClient.open(STREAM, Map.of());
            if (stream.status() == 200) {
                return stream;
            }
            stream.close();
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the stream did not open: " + stream.status());
            }
            Thread.sleep(200);
        }
    }

    private static Map<JsonNode, Integer> fold(Map<JsonNode, Integer> start, List<SseClient.Message> messages)
            throws IOException {
        Map<JsonNode, Integer> folded = new HashMap<>(start);
        for (SseClient.Message message : messages) {
            JsonNode transition = JSON.readTree(message.data());
            if (message.event().equals("transition")) {
                folded.merge(transition, 1, Integer::sum);
            } else {
                folded.computeIfPresent(transition, (any, held) -> held == 1 ? null : held - 1);
            }
        }
        return folded;
    }

    private static Map<JsonNode, Integer> items(Response transitions) {
        Map<JsonNode, Integer> items = new HashMap<>();
        try {
            JSON.readTree(transitions.then().statusCode(200).extract().asString()).get("items")
                    .forEach(item -> items.merge(item, 1, Integer::sum));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return items;
    }

    private static <T> T awaitAnswered(java.util.function.Supplier<T> answer) throws InterruptedException {
        for (int attempt = 0; ; attempt++) {
            try {
                return answer.get();
            } catch (AssertionError | StorageStartingException notYet) {
                if (attempt > 300) {
                    throw notYet;
                }
                Thread.sleep(200);
            }
        }
    }

    /** Random requests of a writer of a group of its own: events out of time order, repeated ids, deletes. */
    private static void write(KafkaEventStore writer, Random random, int requests) {
        RandomWrites.write(writer, random, requests, "s", Timestamp.ofEpochSeconds(BigDecimal.valueOf(1_680_946_000L)));
    }

    /** Serves the second node's part of the questions and its partitions' stream steps as the service does. */
    private static void serve(HttpServer server, ClusterParts parts, PartService answers,
            PartitionedStreamService streams) {
        server.createContext(HttpPartTransport.PATH, exchange -> {
            try (exchange) {
                PartTransport.PartReply reply = parts.answer(exchange.getRequestBody().readAllBytes(),
                        answers::part, streams);
                exchange.getResponseHeaders().add(HttpPartTransport.POSITIONS,
                        HttpPartTransport.header(reply.positions()));
                exchange.sendResponseHeaders(200, reply.shipped().length);
                try (OutputStream body = exchange.getResponseBody()) {
                    body.write(reply.shipped());
                }
            } catch (StorageStartingException | IOException e) {
                exchange.sendResponseHeaders(503, -1);
            }
        });
        server.start();
    }

    private static KafkaStoreOptions options(String topic, String group, String node, String address) {
        return new KafkaStoreOptions(KafkaCluster.shared().bootstrapServers(), topic, 4, (short) 3, group, node,
                address, Duration.ofSeconds(60), Map.of());
    }
}
