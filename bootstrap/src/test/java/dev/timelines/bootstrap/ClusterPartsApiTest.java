package dev.timelines.bootstrap;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.timelines.adapters.out.kafka.AnswerScope;
import dev.timelines.adapters.out.kafka.ClusterParts;
import dev.timelines.adapters.out.kafka.HttpPartTransport;
import dev.timelines.adapters.out.kafka.KafkaCluster;
import dev.timelines.adapters.out.kafka.KafkaEventStore;
import dev.timelines.adapters.out.kafka.KafkaStoreOptions;
import dev.timelines.adapters.out.kafka.PartTransport;
import dev.timelines.application.model.Scope;
import dev.timelines.application.port.out.OtherParts;
import dev.timelines.application.port.out.StorageStartingException;
import dev.timelines.application.service.PartService;
import dev.timelines.application.service.StateAnalysisService;
import dev.timelines.domain.Attribute;
import dev.timelines.domain.EventId;
import dev.timelines.domain.IncomingEvent;
import dev.timelines.domain.IngestResult;
import dev.timelines.domain.JsonValue;
import dev.timelines.domain.TimelineKey;
import dev.timelines.domain.Timestamp;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * The service as one node of a Kafka cluster, a second node of its group in the test's JVM: once the group has
 * split the partitions between them, a question asked of the service is answered for the whole store (it asks the
 * second node over HTTP for its part), and the second node, asking the service over HTTP ({@code /internal/parts}),
 * answers as a node holding every partition does.
 */
@QuarkusTest
@TestProfile(KafkaClusterNode.class)
class ClusterPartsApiTest {

    private static final Attribute STATUS = new Attribute("status");
    private static final String STATES = "/states?attribute=status&at=1680946100&ages=true";
    private static final String SUMMARY = "/transitions/summary?attribute=status";
    private static final String KEYS = "/timelines?prefix=c&limit=5";

    @Test
    void aQuestionAskedOfEitherNodeIsAnsweredForTheWholeStore() throws Exception {
        for (int key = 0; key < 12; key++) {
            store("c" + key, """
                    [{"timestamp": 1680946000, "data": {"status": %s}},
                     {"timestamp": 1680946050, "data": {"status": "b"}},
                     {"timestamp": 1680946020, "data": {"status": "a"}}]""".formatted(key % 2 == 0 ? "1.0" : "1"));
        }
        String states = answered(() -> given().get(STATES)).asString();
        String summary = given().get(SUMMARY).then().statusCode(200).extract().asString();
        List<String> histories = IntStream.range(0, 12).mapToObj(key -> given().get(history(key)).then()
                .statusCode(200).extract().asString()).toList();
        // Keys (a page, and the page after it), attribute names, values (`1.0` and `1` spelled as first written).
        List<String> listed = List.of(KEYS, KEYS + "&cursor=" + given().get(KEYS).path("next"), "/attributes",
                "/attributes/status/values");
        List<String> listings = listed.stream().map(listing -> given().get(listing).then().statusCode(200).extract()
                .asString()).toList();

        String topic = ConfigProvider.getConfig().getValue("timelines.kafka.topic", String.class);
        String group = ConfigProvider.getConfig().getValue("timelines.kafka.group", String.class);
        HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        String address = "http://localhost:" + server.getAddress().getPort();
        try (KafkaEventStore second = KafkaEventStore.open(options(topic, group, "second", address));
                KafkaEventStore whole = KafkaEventStore.open(options(topic, group + "-whole", "whole", "-"))) {
            ClusterParts parts = new ClusterParts(second, new HttpPartTransport(Duration.ofSeconds(5),
                    Optional.empty()), Duration.ofSeconds(5), Duration.ofSeconds(5), AnswerScope.COMPLETE);
            AtomicInteger served = serve(server, parts, new PartService(second, second));
            StateAnalysisService asked = new StateAnalysisService(second, second, parts, Clock.systemUTC());
            Timestamp at = Timestamp.ofEpochSeconds(BigDecimal.valueOf(1680946100));

            eventually(() -> second.owners().byPartition().values().stream().distinct().count() == 2 ? true : null);
            // Asked until the service has asked the second node: until then it may still own every partition.
            Response merged = eventually(() -> {
                Response response = given().get(STATES);
                return response.statusCode() == 200 && served.get() > 0 ? response : null;
            });
            assertEquals(states, merged.asString(), "the service merges the second's part");
            assertTrue(merged.header("Timelines-Positions").matches("0=\\d+,1=\\d+,2=\\d+,3=\\d+"),
                    "the positions the answer reflects: " + merged.header("Timelines-Positions"));
            assertEquals(summary, given().get(SUMMARY).then().statusCode(200).extract().asString());
            int servedBefore = served.get();
            for (int key = 0; key < 12; key++) {
                Response history = given().get(history(key));
                assertEquals(histories.get(key), history.then().statusCode(200).extract().asString(),
                        "one timeline, read from its partition's owner");
                assertTrue(history.header("Timelines-Positions").matches("[0-3]=\\d+"),
                        "one timeline reflects its partition: " + history.header("Timelines-Positions"));
            }
            assertTrue(served.get() > servedBefore, "some timelines are the second node's, shipped over HTTP");
            assertEquals(listings, listed.stream().map(listing -> given().get(listing).then().statusCode(200)
                    .extract().asString()).toList(), "keys, names and values listed by both nodes, merged");
            assertEquals(new StateAnalysisService(whole, whole, OtherParts.NONE, Clock.systemUTC())
                    .statesAt(STATUS, at, Scope.ALL, true), eventually(() -> asked.statesAt(STATUS, at, Scope.ALL, true)),
                    "the second node merges the service's part, asked over HTTP");

            // Writes through either node: exact counts from both owners, the positions written, read back with them.
            String request = IntStream.range(0, 12).mapToObj(key -> "{\"timeline\": \"c" + key + "\", \"timestamp\":"
                    + " 1680946060, \"id\": \"w\", \"data\": {\"status\": \"c\"}}")
                    .collect(Collectors.joining(",", "[", "]"));
            Response written = given().contentType("application/json").body(request).post("/events");
            assertEquals("{\"accepted\":12,\"duplicates\":0}", written.then().statusCode(200).extract().asString());
            String positions = written.header("Timelines-Positions");
            assertTrue(positions.matches("0=\\d+,1=\\d+,2=\\d+,3=\\d+"), "the positions written: " + positions);
            assertEquals("{\"accepted\":0,\"duplicates\":12}", given().contentType("application/json").body(request)
                    .post("/events").then().statusCode(200).extract().asString(), "sent again: every id a duplicate");
            assertEquals(new IngestResult(1, 1), parts.append(List.of(event("c1", "w"), event("c2", "x")),
                    Timestamp.ofEpochSeconds(BigDecimal.valueOf(1680946070))), "written through the second node");
            for (int key = 0; key < 12; key++) {
                given().header("Timelines-Positions", positions).get(history(key)).then().statusCode(200)
                        .body("items.value", org.hamcrest.Matchers.hasItem("c"));
            }
            given().header("Timelines-Positions", "0=1,x").get(STATES).then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].at", org.hamcrest.Matchers.equalTo(
                            "Timelines-Positions"));
            String ahead = positions.replaceAll("^0=\\d+", "0=999999");
            assertTrue(given().header("Timelines-Positions", ahead).get(STATES).then().statusCode(503).extract()
                    .<String>path("detail").contains("0=999999"), "a position not applied in time is named");

            given().get(STATES + "&partial=maybe").then().statusCode(400);
            given().contentType("application/json").body("{\"kind\": \"no such\"}").post(HttpPartTransport.PATH)
                    .then().statusCode(400).contentType("application/problem+json");
            given().contentType("application/json").body("not json").post(HttpPartTransport.PATH)
                    .then().statusCode(400).contentType("application/problem+json");
            // The second node stops answering: a 503 naming its partitions, or with partial=true the service's part.
            server.stop(0);
            String seconds = given().get(STATES).then().statusCode(503).extract().path("detail");
            Response partial = given().get(STATES + "&partial=true");
            assertEquals(200, partial.statusCode());
            String missing = partial.header("Timelines-Missing-Partitions");
            assertTrue(missing != null && seconds.contains("partitions [" + missing.replace(",", ", ") + "]"),
                    missing + " named in " + seconds);
        } finally {
            server.stop(0);
        }
    }

    private static IncomingEvent event(String key, String id) {
        return new IncomingEvent(new TimelineKey(key), Timestamp.ofEpochSeconds(BigDecimal.valueOf(1680946080)),
                Optional.of(new EventId(id)), new JsonValue.Obj(Map.of("status", new JsonValue.Str("d"))));
    }

    private static String history(int key) {
        return "/timelines/c" + key + "/history?attribute=status";
    }

    /** Serves the second node's part as the service does; counts the questions it answered. */
    private static AtomicInteger serve(HttpServer server, ClusterParts parts, PartService answers) {
        AtomicInteger served = new AtomicInteger();
        server.createContext(HttpPartTransport.PATH, exchange -> {
            try (exchange) {
                PartTransport.PartReply reply = parts.answer(exchange.getRequestBody().readAllBytes(), answers::part);
                exchange.getResponseHeaders().add(HttpPartTransport.POSITIONS,
                        HttpPartTransport.header(reply.positions()));
                exchange.sendResponseHeaders(200, reply.shipped().length);
                try (OutputStream body = exchange.getResponseBody()) {
                    body.write(reply.shipped());
                }
                served.incrementAndGet();
            } catch (StorageStartingException | IOException e) {
                exchange.sendResponseHeaders(503, -1);
            }
        });
        server.start();
        return served;
    }

    private static KafkaStoreOptions options(String topic, String group, String node, String address) {
        return new KafkaStoreOptions(KafkaCluster.shared().bootstrapServers(), topic, 4, (short) 3, group, node,
                address, Duration.ofSeconds(60), Map.of());
    }

    private static void store(String key, String events) {
        answered(() -> given().contentType("application/json").body(events).post("/timelines/" + key + "/events"));
    }

    /** The first answer that is not a 503 (storage opening, partitions moving), within a minute. */
    private static Response answered(Supplier<Response> request) {
        return eventually(() -> {
            Response response = request.get();
            return response.statusCode() == 503 ? null : response.then().statusCode(200).extract().response();
        });
    }

    /** The first answer that is not null, a moment of partitions moving aside, within a minute. */
    private static <T> T eventually(Callable<T> answer) {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (true) {
            try {
                T answered = answer.call();
                if (answered != null) {
                    return answered;
                }
            } catch (StorageStartingException notYet) {
                // the partitions are moving: asked again below
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no answer within a minute");
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
