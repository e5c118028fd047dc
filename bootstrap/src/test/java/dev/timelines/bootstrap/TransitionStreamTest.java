package dev.timelines.bootstrap;

import static dev.timelines.bootstrap.Api.NDJSON;
import static dev.timelines.bootstrap.Api.encode;
import static dev.timelines.bootstrap.Api.get;
import static dev.timelines.bootstrap.Api.post;
import static dev.timelines.bootstrap.Api.problem;
import static dev.timelines.bootstrap.Api.uniqueKey;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The stream's bounds (docs/api.md, Live transitions), with {@link SmallStreamBounds}: keep-alive comments, 410 for
 * a position no longer resumable, 400 for one never issued, a stalled client dropped without holding up ingest or
 * another client, and the metrics that count it all.
 */
@QuarkusTest
@TestProfile(SmallStreamBounds.class)
class TransitionStreamTest {

    private static String base() {
        return "http://localhost:" + RestAssured.port;
    }

    @Test
    void anIdleStreamGetsKeepAliveComments() throws Exception {
        try (SseClient client = SseClient.open(base() + "/transitions/stream?attribute=idle", Map.of())) {
            assertEquals(200, client.status());
            client.awaitConnected();
            Thread.sleep(3500);
            assertTrue(client.comments().contains("keep-alive"), client.comments().toString());
        }
    }

    @Test
    void aPositionBelowTheHistoryKeptIs410() throws Exception {
        String start;
        try (SseClient client = SseClient.open(base() + "/transitions/stream?attribute=gone", Map.of())) {
            client.awaitConnected();
            start = client.comments().get(0).substring("streaming from ".length());
        }
        String key = uniqueKey("gone");
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i <= SmallStreamBounds.RETAINED; i++) {
            lines.append("{\"timestamp\": ").append(i).append(", \"data\": {\"gone\": ").append(i).append("}}\n");
        }
        post(Api.timeline(key) + "/events", NDJSON, lines.toString()).statusCode(200);
        problem(get("/transitions/stream?attribute=gone&after=" + start), 410)
                .body("type", equalTo("https://timelines.dev/problems/position-gone"))
                .body("errors[0].at", equalTo("after"));
        problem(get("/transitions/stream?attribute=gone&after=1-1-0"), 410);
    }

    @Test
    void aPositionNoStreamIssuedIs400() {
        problem(get("/transitions/stream?attribute=status&after=" + encode("not a position")), 400)
                .body("errors[0].at", equalTo("after"));
        // Beyond every seq the store has made durable.
        problem(get("/transitions/stream?attribute=status&after=zzzzzzzz-zzzzzzzz-0"), 400)
                .body("errors[0].at", equalTo("after"));
        problem(get("/transitions/stream"), 400).body("errors[0].at", equalTo("attribute"));
    }

    @Test
    void anImportAddsTransitionsAndRetentionRetractsThem() throws Exception {
        String attribute = uniqueKey("moved");
        String key = uniqueKey("moved");
        try (SseClient client = SseClient.open(base() + "/transitions/stream?attribute=" + encode(attribute),
                Map.of())) {
            client.awaitConnected();
            // Seqs far above any this test run gives, as an import into a store that holds events needs.
            post("/events/import", NDJSON, """
                    {"timeline":"%1$s","seq":9000000000000001,"received":1700000000,"timestamp":1,"data":{"%2$s":"a"}}
                    {"timeline":"%1$s","seq":9000000000000002,"received":1700000000,"timestamp":2,"data":{"%2$s":"b"}}
                    """.formatted(key, attribute)).statusCode(200).body("accepted", equalTo(2));
            awaitMessages(client, 1);
            assertEquals("transition", client.messages().get(0).event());
            assertTrue(client.messages().get(0).data().contains("\"from\":\"a\",\"to\":\"b\""),
                    client.messages().get(0).data());

            Api.request().when().delete("/timelines?lastEventBefore=3").then().statusCode(200);
            awaitMessages(client, 2);
            assertEquals("retraction", client.messages().get(1).event());
            assertEquals(client.messages().get(0).data(), client.messages().get(1).data());
        }
    }

    private static void awaitMessages(SseClient client, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (client.messages().size() < count && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(count, client.messages().size(), client.messages().toString());
    }

    @Test
    void aStalledClientIsDroppedWhileIngestAndAnotherClientGoOn() throws Exception {
        String attribute = uniqueKey("stall");
        String stream = "/transitions/stream?attribute=" + encode(attribute) + "&entries=true";
        double dropped = metric("timelines_streams_dropped_total");
        try (Socket stalled = new Socket();
                SseClient reader = SseClient.open(base() + stream, Map.of())) {
            stalled.setReceiveBufferSize(4096);
            stalled.connect(new InetSocketAddress("localhost", RestAssured.port));
            OutputStream request = stalled.getOutputStream();
            request.write(("GET " + stream + " HTTP/1.1\r\nHost: localhost\r\nAccept: text/event-stream\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            request.flush();
            reader.awaitConnected();
            assertEquals(2.0, metric("timelines_streams_open"), 0.5);

            // A timeline per batch (100 seqs each, well within those kept), changing to a large value at every
            // event: enough bytes to fill the stalled connection's buffers many times over.
            String large = "x".repeat(20_000);
            int batches = 6;
            int perBatch = 100;
            for (int b = 0; b < batches; b++) {
                StringBuilder lines = new StringBuilder();
                for (int i = 0; i < perBatch; i++) {
                    lines.append("{\"timeline\":\"").append(attribute).append('/').append(b)
                            .append("\",\"timestamp\":").append(i).append(",\"data\":{\"").append(attribute)
                            .append("\":\"").append(large).append(i).append("\"}}\n");
                }
                // Timed with a plain client: RestAssured's request logging of a 2 MB body takes seconds by itself.
                long started = System.nanoTime();
                HttpResponse<String> reply = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(base() + "/events")).header("Content-Type", NDJSON)
                        .POST(HttpRequest.BodyPublishers.ofString(lines.toString())).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertTrue(System.nanoTime() - started < Duration.ofSeconds(5).toNanos(), "ingest was held up");
                assertEquals(200, reply.statusCode(), reply.body());
                assertTrue(reply.body().contains("\"accepted\":" + perBatch), reply.body());
            }

            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (reader.messages().size() < batches * perBatch && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertEquals(batches * perBatch, reader.messages().size(), "the client that reads got every entry");
            while (metric("timelines_streams_dropped_total") < dropped + 1 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertEquals(dropped + 1, metric("timelines_streams_dropped_total"), "the stalled client was dropped");
            assertTrue(readsToTheEnd(stalled.getInputStream()), "the stalled connection was closed");
            assertTrue(metric("timelines_streams_messages_total") >= batches * perBatch);
        }
    }

    private static boolean readsToTheEnd(InputStream in) throws Exception {
        byte[] buffer = new byte[65536];
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (in.read(buffer) < 0) {
                    return true;
                }
            } catch (java.net.SocketException reset) {
                return true;
            }
        }
        return false;
    }

    private static double metric(String series) {
        String metrics = get("/q/metrics").statusCode(200).extract().asString();
        Matcher line = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(metrics);
        return line.find() ? Double.parseDouble(line.group(1)) : 0;
    }
}
