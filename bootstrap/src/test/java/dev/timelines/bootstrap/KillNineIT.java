package dev.timelines.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged service, with concurrent writers, killed with SIGKILL at random moments: after each restart
 * every acknowledged event is present exactly once and in order. {@code -Dkillnine.cycles=N} runs more cycles
 * (docs/operations.md); CI runs a short version.
 */
class KillNineIT {

    private static final int WRITERS = 4;
    private static final int CYCLES = Integer.getInteger("killnine.cycles", 3);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient client = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final Random random = new Random(Long.getLong("killnine.seed", 42));

    @TempDir
    Path dir;

    @Test
    void acknowledgedEventsSurviveKillNineExactlyOnceAndInOrder() throws Exception {
        Path jar = Path.of(System.getProperty("timelines.jar", "target/quarkus-app/quarkus-run.jar"));
        Path data = dir.resolve("data");
        Path log = dir.resolve("service.log");
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        long[] nextSequence = new long[WRITERS];
        for (int cycle = 0; cycle < CYCLES; cycle++) {
            ServiceProcess service = ServiceProcess.start(jar, data, log, START_TIMEOUT, "-Xmx512m");
            verify(service, acknowledged);
            List<Thread> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                Thread thread = new Thread(() -> nextSequence[writer] =
                        write(service, writer, nextSequence[writer], acknowledged));
                thread.start();
                writers.add(thread);
            }
            Thread.sleep(200 + random.nextInt(1500));
            service.kill();
            for (Thread writer : writers) {
                writer.join();
            }
        }
        ServiceProcess last = ServiceProcess.start(jar, data, log, START_TIMEOUT, "-Xmx512m");
        verify(last, acknowledged);
        last.kill();
        assertTrue(acknowledged.size() > CYCLES * WRITERS, "writers got few acknowledgements: " + acknowledged.size());
    }

    /** Sends batches of 1..5 events with unique ids until the service dies; returns the next unused number. */
    private long write(ServiceProcess service, int writer, long first, Set<String> acknowledged) {
        long next = first;
        Random batches = new Random(writer * 31L + first);
        while (true) {
            int size = 1 + batches.nextInt(5);
            StringBuilder body = new StringBuilder();
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < size; i++, next++) {
                String id = "w" + writer + "-" + next;
                ids.add(id);
                body.append("{\"timestamp\":").append(next).append(",\"id\":\"").append(id)
                        .append("\",\"data\":{\"n\":").append(next).append("}}\n");
            }
            try {
                HttpResponse<String> reply = client.send(HttpRequest.newBuilder(service.uri(timeline(writer)))
                        .header("Content-Type", "application/x-ndjson")
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (reply.statusCode() == 200) {
                    acknowledged.addAll(ids);
                }
            } catch (IOException | InterruptedException killed) {
                return next;
            }
        }
    }

    private void verify(ServiceProcess service, Set<String> acknowledged) throws Exception {
        for (int writer = 0; writer < WRITERS; writer++) {
            List<String> stored = storedIds(service, writer);
            assertEquals(stored.size(), Set.copyOf(stored).size(), "an event is stored twice: " + stored);
            List<Long> numbers = stored.stream().map(id -> Long.parseLong(id.substring(id.indexOf('-') + 1)))
                    .toList();
            assertEquals(numbers.stream().sorted().toList(), numbers, "events out of timestamp order");
            String prefix = "w" + writer + "-";
            for (String id : acknowledged) {
                if (id.startsWith(prefix)) {
                    assertTrue(stored.contains(id), "acknowledged event " + id + " is lost");
                }
            }
        }
    }

    private List<String> storedIds(ServiceProcess service, int writer) throws Exception {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            String query = "?limit=10000" + (cursor == null ? ""
                    : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
            HttpResponse<String> reply = client.send(
                    HttpRequest.newBuilder(service.uri(timeline(writer) + query)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (reply.statusCode() == 404) {
                return ids;
            }
            JsonNode page = json.readTree(reply.body());
            page.get("items").forEach(item -> ids.add(item.get("id").asText()));
            cursor = page.get("next").isNull() ? null : page.get("next").asText();
        } while (cursor != null);
        return ids;
    }

    private static String timeline(int writer) {
        return "/timelines/writer-" + writer + "/events";
    }
}
