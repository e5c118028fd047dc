package dev.timelines.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An export does not hold the store's events, nor its own reply (docs/operations.md, Backup by export): the packaged
 * service, on the journal with a heap of 128 MiB and 32 MiB of direct memory, exports a store whose export is
 * larger than both (long keys repeated on every line), to a client that first stalls and then reads slowly.
 */
class ExportMemoryIT {

    private static final int EVENTS = Integer.getInteger("export.events", 500_000);
    private static final int PER_REQUEST = 10_000;
    private static final String KEY_PREFIX = "k".repeat(200) + "-";

    @TempDir
    Path dir;

    @Test
    void anExportLargerThanTheHeapStreamsToASlowClient() throws Exception {
        Path jar = Path.of(System.getProperty("timelines.jar", "target/quarkus-app/quarkus-run.jar"));
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        try (ServiceProcess service = ServiceProcess.start(jar, dir.resolve("data"), dir.resolve("service.log"),
                Duration.ofSeconds(90), "-Xmx128m", "-XX:MaxDirectMemorySize=32m",
                "-Dtimelines.journal.fsync=100ms")) {
            for (int first = 0; first < EVENTS; first += PER_REQUEST) {
                StringBuilder lines = new StringBuilder();
                for (int n = first; n < first + PER_REQUEST; n++) {
                    lines.append("{\"timeline\":\"").append(KEY_PREFIX).append(n % 1000).append("\",\"timestamp\":")
                            .append(n).append(",\"data\":{\"n\":").append(n).append("}}\n");
                }
                HttpResponse<String> stored = client.send(HttpRequest.newBuilder(service.uri("/events"))
                        .header("Content-Type", "application/x-ndjson")
                        .POST(HttpRequest.BodyPublishers.ofString(lines.toString())).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(200, stored.statusCode(), stored.body());
            }

            HttpResponse<InputStream> export = client.send(HttpRequest.newBuilder(service.uri("/events"))
                    .header("Accept", "application/x-ndjson").build(), HttpResponse.BodyHandlers.ofInputStream());
            Thread.sleep(3_000);
            long lines = 0;
            long bytes = 0;
            try (BufferedReader reader = new BufferedReader(
                    new InputStreamReader(export.body(), StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    lines++;
                    bytes += line.length() + 1;
                    if (lines % 50_000 == 0) {
                        Thread.sleep(200);
                    }
                }
            }

            assertEquals(200, export.statusCode());
            assertEquals(EVENTS, lines);
            assertTrue(bytes > 128L << 20, "the export (" + bytes + " bytes) is larger than the heap");
            System.out.printf("exported %d events, %d bytes, with -Xmx128m -XX:MaxDirectMemorySize=32m%n", lines,
                    bytes);
        }
    }
}
