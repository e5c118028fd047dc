package dev.timelines.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.timelines.adapters.out.journal.FsyncPolicy;
import dev.timelines.adapters.out.journal.JournalEventStore;
import dev.timelines.adapters.out.journal.LogOptions;
import dev.timelines.adapters.out.journal.SnapshotPolicy;
import dev.timelines.adapters.out.memory.InMemoryEventStore;
import dev.timelines.domain.EventId;
import dev.timelines.domain.IncomingEvent;
import dev.timelines.domain.JsonValue;
import dev.timelines.domain.TimelineKey;
import dev.timelines.domain.Timestamp;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged service starting on a journal of a million events (docs/operations.md, Start): HTTP answers while
 * the journal is replayed, with liveness UP, readiness and the startup probe DOWN and a 503 problem for requests
 * that need storage; once replayed, all of it is ready and every event is there. {@code -Dreplay.events=N} changes
 * the size of the journal.
 */
class StartDuringReplayIT {

    private static final int EVENTS = Integer.getInteger("replay.events", 1_000_000);
    private static final int TIMELINES = 1_000;
    private static final int BATCH = 10_000;
    private static final Duration LISTENING_WITHIN = Duration.ofSeconds(30);
    private static final Duration REPLAYED_WITHIN = Duration.ofSeconds(60);
    private static final Pattern REPLAYED = Pattern.compile("journal in \\S+ replayed in (\\d+) ms");

    private final HttpClient client = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void httpAnswersWhileTheJournalIsReplayedAndIsReadyOnceItIs() throws Exception {
        Path jar = Path.of(System.getProperty("timelines.jar", "target/quarkus-app/quarkus-run.jar"));
        Path data = dir.resolve("data");
        Path log = dir.resolve("service.log");
        long writing = System.nanoTime();
        write(data);
        System.out.printf("StartDuringReplayIT: %d events written in %d ms%n", EVENTS, millisSince(writing));

        long launched = System.nanoTime();
        // No snapshot: the start replays the whole journal, which is what this test needs to take its time.
        ServiceProcess service = ServiceProcess.startListening(jar, data, log, LISTENING_WITHIN, "-Xmx2g",
                "-Dtimelines.journal.snapshot.enabled=false");
        try {
            long listening = millisSince(launched);
            int downWhileListening = 0;
            long deadline = System.nanoTime() + REPLAYED_WITHIN.toNanos();
            while (status(service, "/q/health/ready") != 200) {
                assertTrue(System.nanoTime() < deadline, "not ready within " + REPLAYED_WITHIN + "; see " + log);
                if (downWhileListening == 0) {
                    assertStillOpening(service);
                }
                downWhileListening++;
                Thread.sleep(50);
            }
            long ready = millisSince(launched);
            String output = Files.readString(log);
            Matcher replayed = REPLAYED.matcher(output);
            assertTrue(replayed.find(), "the start logs how long the replay took: " + output);
            System.out.printf("StartDuringReplayIT: listening after %d ms, ready after %d ms, replay took %s ms,"
                    + " readiness polled DOWN %d times%n", listening, ready, replayed.group(1), downWhileListening);
            assertTrue(downWhileListening > 0, "readiness was never seen DOWN: the replay ("
                    + replayed.group(1) + " ms) ended before HTTP answered; write a larger journal");

            assertEquals(200, status(service, "/q/health/started"));
            assertEquals(200, status(service, "/q/health/live"));
            JsonNode summary = json.readTree(send(service, "/timelines/device-7").body());
            assertEquals(EVENTS / TIMELINES, summary.path("events").asInt(), summary.toString());
            assertEquals(200, status(service, "/timelines/device-7/events?limit=1"));
        } finally {
            service.close();
        }
    }

    /** What the service says while it replays: alive, not started, not ready, and no answers that need storage. */
    private void assertStillOpening(ServiceProcess service) throws Exception {
        HttpResponse<String> ready = send(service, "/q/health/ready");
        assertEquals(503, ready.statusCode(), ready.body());
        JsonNode storage = check(json.readTree(ready.body()), "storage");
        assertEquals("DOWN", storage.path("status").asText(), ready.body());
        assertTrue(storage.path("data").path("opening").asBoolean(), ready.body());

        HttpResponse<String> started = send(service, "/q/health/started");
        assertEquals(503, started.statusCode(), started.body());
        assertEquals(200, status(service, "/q/health/live"), "alive while replaying");

        HttpResponse<String> refused = send(service, "/timelines/device-7");
        assertEquals(503, refused.statusCode(), refused.body());
        assertTrue(refused.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertEquals(Optional.of("5"), refused.headers().firstValue("Retry-After"));
        JsonNode problem = json.readTree(refused.body());
        assertTrue(problem.path("type").asText().endsWith("/storage-unavailable"), refused.body());
        assertTrue(problem.path("detail").asText().contains("starting"), refused.body());

        HttpResponse<String> write = client.send(HttpRequest.newBuilder(service.uri("/timelines/device-7/events"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"timestamp\": 1, \"data\": {}}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(503, write.statusCode(), write.body());
    }

    private static JsonNode check(JsonNode health, String name) {
        for (JsonNode check : health.path("checks")) {
            if (check.path("name").asText().equals(name)) {
                return check;
            }
        }
        throw new AssertionError("no check '" + name + "' in " + health);
    }

    private int status(ServiceProcess service, String path) throws IOException, InterruptedException {
        return send(service, path).statusCode();
    }

    private HttpResponse<String> send(ServiceProcess service, String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(service.uri(path)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The journal as the service would have written it, written directly: quicker than over HTTP. */
    private static void write(Path data) {
        JournalEventStore journal = JournalEventStore.open(data, LogOptions.defaults()
                .withFsync(FsyncPolicy.interval(Duration.ofSeconds(1)))
                .withSnapshot(SnapshotPolicy.disabled()), new InMemoryEventStore());
        try {
            Timestamp received = new Timestamp(1_700_000_000_000_000L);
            for (int first = 0; first < EVENTS; first += BATCH) {
                List<IncomingEvent> batch = new ArrayList<>(BATCH);
                for (int n = first; n < Math.min(EVENTS, first + BATCH); n++) {
                    batch.add(event(n));
                }
                journal.append(batch, received);
            }
        } finally {
            journal.close();
        }
    }

    /** A small event of a device: a status, an amount and a site. */
    private static IncomingEvent event(int n) {
        JsonValue.Obj data = new JsonValue.Obj(Map.of(
                "status", new JsonValue.Str(n % 3 == 0 ? "open" : "closed"),
                "amount", new JsonValue.Num(BigDecimal.valueOf(n % 1000, 2)),
                "site", new JsonValue.Str("site-" + n % 17)));
        return new IncomingEvent(new TimelineKey("device-" + n % TIMELINES),
                new Timestamp(1_600_000_000_000_000L + n * 1_000_000L), Optional.of(new EventId("event-" + n)), data);
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }
}
