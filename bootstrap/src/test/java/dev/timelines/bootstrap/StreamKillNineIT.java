package dev.timelines.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The transitions stream of the packaged service on the journal, killed with SIGKILL while writers ingest and a
 * client reads: no message was sent for an event the restart lost (every transition the client folded is in the
 * store after the restart), and the client resumes from its last position on the restarted service (positions
 * survive a restart on the journal, docs/api.md): with what it receives then, including changes ingested after the
 * restart, its fold equals {@code /transitions}, nothing lost or repeated.
 *
 * <p>Each writer owns timelines it appends to in time order, one event per request, the value changing every time:
 * every event adds one transition and none is ever retracted, so what a client folded must be a subset of the store.
 */
class StreamKillNineIT {

    private static final int WRITERS = 3;
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final String FILTER = "attribute=status&entries=true";

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void noMessageForAnEventTheRestartLostAndTheClientResumesAcrossTheRestart() throws Exception {
        Path jar = Path.of(System.getProperty("timelines.jar", "target/quarkus-app/quarkus-run.jar"));
        Path data = dir.resolve("data");
        Path log = dir.resolve("service.log");
        ServiceProcess service = ServiceProcess.start(jar, data, log, START_TIMEOUT, "-Xmx512m");
        TransitionStreamProperties.Fold fold = new TransitionStreamProperties.Fold("before the kill");
        Optional<String> lastId;
        try (SseClient client = SseClient.open(service.uri("/transitions/stream?" + FILTER).toString(), Map.of())) {
            client.awaitConnected();
            List<Thread> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                Thread thread = new Thread(() -> write(service, writer));
                thread.start();
                writers.add(thread);
            }
            Thread.sleep(1500);
            service.kill();
            for (Thread writer : writers) {
                writer.join();
            }
            client.awaitEnd(Duration.ofSeconds(10));
            lastId = fold.take(client.messages());
        }
        assertTrue(lastId.isPresent(), "the client received messages before the kill");

        ServiceProcess restarted = ServiceProcess.start(jar, data, log, START_TIMEOUT, "-Xmx512m");
        try {
            Set<JsonNode> stored = transitions(restarted);
            Set<JsonNode> lost = new HashSet<>(fold.held().keySet());
            lost.removeAll(stored);
            assertEquals(Set.of(), lost, "messages were sent for events the restart lost");

            try (SseClient resumed = SseClient.open(restarted.uri("/transitions/stream?" + FILTER).toString(),
                    Map.of("Last-Event-ID", lastId.get()))) {
                assertEquals(200, resumed.status(), "a position of the killed process resumes");
                resumed.awaitConnected();
                post(restarted, "{\"timeline\":\"after-restart\",\"timestamp\":1,\"data\":{\"status\":\"a\"}}\n"
                        + "{\"timeline\":\"after-restart\",\"timestamp\":2,\"data\":{\"status\":\"b\"}}\n");
                Map<JsonNode, Integer> expected = new HashMap<>();
                transitions(restarted).forEach(transition -> expected.put(transition, 1));
                long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                while (!fold.with(resumed.messages()).equals(expected) && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                resumed.close();
                fold.take(resumed.messages());
                assertEquals(expected, fold.held(), "the fold across the restart equals /transitions");
                assertFalse(resumed.messages().isEmpty(), "the resumed stream brought the changes after the restart");
            }
        } finally {
            restarted.kill();
        }
    }

    /** One event per request, in time order, the value flipping: each adds a transition; stops when the service dies. */
    private void write(ServiceProcess service, int writer) {
        for (int n = 0; ; n++) {
            String line = "{\"timeline\":\"writer-" + writer + "-" + (n % 10) + "\",\"timestamp\":" + n
                    + ",\"data\":{\"status\":\"" + (n / 10 % 2 == 0 ? "a" : "b") + "\"}}\n";
            try {
                if (post(service, line).statusCode() != 200) {
                    return;
                }
            } catch (Exception dead) {
                return;
            }
        }
    }

    private HttpResponse<String> post(ServiceProcess service, String ndjson) throws Exception {
        return http.send(HttpRequest.newBuilder(service.uri("/events")).header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(ndjson)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private Set<JsonNode> transitions(ServiceProcess service) throws Exception {
        Set<JsonNode> items = new HashSet<>();
        String cursor = null;
        do {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(service.uri("/transitions?" + FILTER
                    + "&limit=10000" + (cursor == null ? "" : "&cursor=" + cursor))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), response.body());
            JsonNode page = json.readTree(response.body());
            page.get("items").forEach(items::add);
            cursor = page.get("next").isNull() ? null : page.get("next").asText();
        } while (cursor != null);
        return items;
    }
}
