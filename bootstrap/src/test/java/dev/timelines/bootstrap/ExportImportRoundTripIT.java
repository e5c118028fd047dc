package dev.timelines.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.timelines.adapters.out.postgres.EmbeddedServer;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store moved journal → PostgreSQL → journal through the packaged service's export and import (docs/operations.md,
 * "Backup by export") is the same store, event by event: timeline, seq, received, id, timestamp and data. The
 * store has late events, equal timestamps, ids, a deleted timeline (a gap in the seqs), values written 1 and 1.0,
 * more events than the memory engine exports in one window of seqs, and was written in many requests (many
 * reception times); the import goes in several requests, as a large one would be split.
 */
class ExportImportRoundTripIT {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final int REQUESTS = 24;
    private static final int EVENTS_PER_REQUEST = 500;
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private final HttpClient client = HttpClient.newHttpClient();
    private final Path jar = Path.of(System.getProperty("timelines.jar", "target/quarkus-app/quarkus-run.jar"));

    @TempDir
    Path dir;

    @Test
    void journalToPostgresToJournalKeepsEveryEventAsItWas() throws Exception {
        Path log = dir.resolve("service.log");
        String fromJournal;
        int stored;
        try (ServiceProcess source = ServiceProcess.start(jar, dir.resolve("source"), log, START_TIMEOUT)) {
            stored = fill(source);
            fromJournal = export(source);
        }
        List<JsonNode> original = lines(fromJournal);
        assertEquals(stored, original.size());

        String fromPostgres;
        try (ServiceProcess postgres = ServiceProcess.startOnPostgres(jar, EmbeddedServer.newDatabase(),
                EmbeddedServer.USER, log, START_TIMEOUT)) {
            importInParts(postgres, fromJournal);
            fromPostgres = export(postgres);
        }
        assertSameEvents(original, lines(fromPostgres), "journal → PostgreSQL");

        Path target = dir.resolve("target");
        try (ServiceProcess journal = ServiceProcess.start(jar, target, log, START_TIMEOUT)) {
            importInParts(journal, fromPostgres);
        }
        try (ServiceProcess restarted = ServiceProcess.start(jar, target, log, START_TIMEOUT)) {
            assertSameEvents(original, lines(export(restarted)), "journal → PostgreSQL → journal, restarted");
            long highest = original.get(original.size() - 1).get("seq").asLong();
            send(restarted, "POST", "/timelines/after-import/events", "application/json",
                    "{\"timestamp\": 1, \"data\": {}}", 200);
            JsonNode next = lines(send(restarted, "GET", "/timelines/after-import/events", "application/x-ndjson",
                    null, 200)).get(0);
            assertTrue(next.get("seq").asLong() > highest, "an ingest after the import: seq " + next.get("seq"));
        }
    }

    /**
     * Many requests over twelve timelines, with ids, late and equal timestamps, then one timeline deleted; returns
     * how many events the store keeps.
     */
    private int fill(ServiceProcess service) throws Exception {
        Random random = new Random(15);
        Map<String, Integer> events = new HashMap<>();
        for (int request = 0; request < REQUESTS; request++) {
            StringBuilder body = new StringBuilder();
            for (int i = 0; i < EVENTS_PER_REQUEST; i++) {
                int n = request * EVENTS_PER_REQUEST + i;
                String key = "order/" + random.nextInt(6) + (n % 2 == 0 ? "-é" : "");
                events.merge(key, 1, Integer::sum);
                long timestamp = 1_700_000_000L + random.nextInt(5_000);
                String id = random.nextInt(3) == 0 ? ", \"id\": \"e-" + n + "\"" : "";
                String amount = random.nextBoolean() ? "1" : "1.0";
                body.append("{\"timeline\": \"").append(key).append("\", \"timestamp\": ").append(timestamp)
                        .append(random.nextBoolean() ? ".25" : "").append(id)
                        .append(", \"data\": {\"status\": \"s").append(random.nextInt(4))
                        .append("\", \"amount\": ").append(amount).append(", \"nested\": {\"n\": ").append(n)
                        .append(", \"list\": [true, null, \"x\"]}}}\n");
            }
            send(service, "POST", "/events", "application/x-ndjson", body.toString(), 200);
            Thread.sleep(2);
        }
        send(service, "DELETE", "/timelines/" + URLEncoder.encode("order/3", StandardCharsets.UTF_8), null, null,
                204);
        events.remove("order/3");
        return events.values().stream().mapToInt(Integer::intValue).sum();
    }

    private String export(ServiceProcess service) throws Exception {
        return send(service, "GET", "/events", "application/x-ndjson", null, 200);
    }

    /** The export's lines in three requests, each continuing after the last. */
    private void importInParts(ServiceProcess service, String export) throws Exception {
        List<String> lines = export.lines().toList();
        int part = (lines.size() + 2) / 3;
        for (int from = 0; from < lines.size(); from += part) {
            String body = String.join("\n", lines.subList(from, Math.min(lines.size(), from + part))) + "\n";
            JsonNode reply = JSON.readTree(send(service, "POST", "/events/import", "application/x-ndjson", body, 200));
            assertEquals(Math.min(lines.size(), from + part) - from, reply.get("accepted").asInt());
        }
    }

    private static void assertSameEvents(List<JsonNode> expected, List<JsonNode> actual, String move) {
        assertEquals(expected.size(), actual.size(), move);
        for (int i = 0; i < expected.size(); i++) {
            JsonNode want = expected.get(i);
            JsonNode got = actual.get(i);
            String where = move + ", line " + (i + 1);
            for (String field : List.of("timeline", "seq", "id", "data")) {
                assertEquals(want.get(field), got.get(field), where + " " + field);
            }
            for (String time : List.of("timestamp", "received")) {
                assertEquals(0, decimal(want, time).compareTo(decimal(got, time)), where + " " + time);
            }
        }
    }

    private static BigDecimal decimal(JsonNode line, String field) {
        return line.get(field).decimalValue();
    }

    private static List<JsonNode> lines(String ndjson) throws IOException {
        assertTrue(ndjson.isEmpty() || ndjson.endsWith("\n"), "an export ends with a newline");
        List<JsonNode> lines = new ArrayList<>();
        for (String line : ndjson.lines().toList()) {
            lines.add(JSON.readTree(line));
        }
        return lines;
    }

    private String send(ServiceProcess service, String method, String path, String type, String body, int status)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(service.uri(path)).timeout(Duration.ofMinutes(2));
        if (body != null) {
            request.header("Content-Type", type).method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            if (type != null) {
                request.header("Accept", type);
            }
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(status, response.statusCode(), method + " " + path + ": " + response.body());
        return response.body();
    }
}
