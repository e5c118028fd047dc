package dev.timelines.bootstrap;

import static dev.timelines.bootstrap.Api.JSON;
import static dev.timelines.bootstrap.Api.NDJSON;
import static dev.timelines.bootstrap.Api.encode;
import static dev.timelines.bootstrap.Api.timeline;
import static dev.timelines.bootstrap.Api.uniqueKey;
import static dev.timelines.bootstrap.RawHttp.assertSafe;
import static dev.timelines.bootstrap.RawHttp.get;
import static dev.timelines.bootstrap.RawHttp.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.timelines.bootstrap.RawHttp.Response;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The request limits at their defaults (docs/operations.md, Limits): over each one a request is refused with a
 * problem that names the setting, and nothing of it is stored.
 */
@QuarkusTest
@TestProfile(MemoryStorage.class)
class RequestLimitsTest {

    private static final long BODY_LIMIT = 32L << 20;

    @Test
    void aBodyDeclaredLargerThanTheLimitIsRefusedBeforeAByteOfItIsSent() throws IOException {
        // 64 MiB announced, none sent: the answer cannot depend on reading the body.
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /events HTTP/1.1\r\nHost: localhost\r\nContent-Type: " + NDJSON
                    + "\r\nContent-Length: " + (64L << 20) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String reply = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertTrue(reply.startsWith("HTTP/1.1 413 "), reply);
            assertTrue(reply.toLowerCase().contains("content-type: application/problem+json"), reply);
            assertTrue(reply.toLowerCase().contains("connection: close"), reply);
            assertTrue(reply.contains("timelines.limits.body-size (33554432 bytes)"), reply);
        }
    }

    @Test
    void aChunkedBodyIsCutOffAtTheLimitAndNothingOfItIsStored() {
        String key = uniqueKey("chunked");
        byte[] event = ("{\"timeline\": \"" + key + "\", \"timestamp\": 1, \"data\": {\"status\": \"new\"}}")
                .getBytes(StandardCharsets.UTF_8);
        long copies = BODY_LIMIT / event.length + 1000;

        assertCutOff(NDJSON, () -> repeated(new byte[0], event, (byte) '\n', copies));
        assertCutOff(JSON, () -> repeated(new byte[] {'['}, event, (byte) ',', copies));
        assertEquals(404, get(timeline(key)).statusCode(), "nothing of either request is stored");
    }

    /** An InputStream of unknown length goes out chunked, without a Content-Length. */
    private static void assertCutOff(String contentType, Supplier<InputStream> body) {
        Response response = RawHttp.send(HttpRequest.newBuilder(RawHttp.uri("/events"))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofInputStream(body)));

        assertSafe(response, "a chunked " + contentType + " body over the limit");
        assertEquals(413, response.statusCode(), contentType);
        assertTrue(response.problemText().contains("timelines.limits.body-size"), response.asString());
    }

    @Test
    void eventDataLargerThanTheLimitIsRefusedAtItsLine() {
        String key = uniqueKey("big-data");
        String small = "{\"timestamp\": 1, \"data\": {\"v\": \"small\"}}";
        // Two strings of 600,000 characters: each is allowed, together they are over 1 MiB of data.
        String big = "{\"timestamp\": 2, \"data\": {\"a\": \"" + "x".repeat(600_000) + "\", \"b\": \""
                + "y".repeat(600_000) + "\"}}";

        Response response = post(timeline(key) + "/events", NDJSON,
                (small + "\n" + big + "\n" + small + "\n").getBytes(StandardCharsets.UTF_8));

        assertSafe(response, "1.2 MB of data");
        assertEquals(400, response.statusCode());
        assertEquals(List.of("line 2"), response.errorsAt());
        assertTrue(response.problemText().contains("timelines.limits.data-size (1048576 bytes"), response.asString());
        assertEquals(404, get(timeline(key)).statusCode(), "nothing of the request is stored");
    }

    @Test
    void stringsNamesAndNumbersAreLimitedAndTheLimitIsNamed() {
        String key = uniqueKey("lengths");
        assertStored(key, "{\"timestamp\": 1, \"data\": {\"s\": \"" + "x".repeat(1_000_000) + "\"}}");
        assertRefused(key, "{\"timestamp\": 1, \"data\": {\"s\": \"" + "x".repeat(1_000_001) + "\"}}",
                "timelines.limits.string-length (1000000)");
        assertStored(key, "{\"timestamp\": 1, \"data\": {\"" + "n".repeat(1024) + "\": 1}}");
        assertRefused(key, "{\"timestamp\": 1, \"data\": {\"" + "n".repeat(1025) + "\": 1}}",
                "timelines.limits.name-length (1024)");
        assertStored(key, "{\"timestamp\": 1, \"data\": {\"v\": " + "7".repeat(1000) + "}}");
        assertRefused(key, "{\"timestamp\": 1, \"data\": {\"v\": " + "7".repeat(1001) + "}}",
                "timelines.limits.number-length (1000)");
        assertRefused(key, "{\"timestamp\": 1, \"data\": {\"v\": " + "[".repeat(1001) + "]".repeat(1001) + "}}",
                "timelines.limits.nesting-depth (1000)");
    }

    @Test
    void notANumberAndInfinityAreNotJson() {
        String key = uniqueKey("non-finite");
        for (String number : List.of("NaN", "Infinity", "-Infinity", "+1", "01", "1.", ".5")) {
            Response response = post(timeline(key) + "/events", JSON,
                    ("{\"timestamp\": 1, \"data\": {\"v\": " + number + "}}").getBytes(StandardCharsets.UTF_8));
            assertSafe(response, number);
            assertEquals(400, response.statusCode(), number);
        }
        assertEquals(404, get(timeline(key)).statusCode());
    }

    @Test
    void aPageLargerThanTheLimitIsRefusedNamingIt() {
        Response response = get("/timelines?limit=10001");
        assertSafe(response, "limit=10001");
        assertEquals(400, response.statusCode());
        assertEquals(List.of("limit"), response.errorsAt());
        assertTrue(response.problemText().contains("timelines.limits.page-size"), response.asString());
    }

    @Test
    void jsonLiteralsInParametersObeyTheSameLimits() {
        Response response = get("/timelines?attribute=s&value=" + encode("json:" + "[".repeat(1001)));
        assertSafe(response, "a literal 1001 deep");
        assertEquals(400, response.statusCode());
        assertEquals(List.of("value"), response.errorsAt());
        assertTrue(response.problemText().contains("timelines.limits.nesting-depth"), response.asString());
    }

    private static void assertStored(String key, String event) {
        Response response = post(timeline(key) + "/events", JSON, event.getBytes(StandardCharsets.UTF_8));
        assertEquals(200, response.statusCode(), RawHttp.abbreviate(response.asString()));
    }

    private static void assertRefused(String key, String event, String naming) {
        for (String contentType : List.of(JSON, NDJSON)) {
            Response response = post(timeline(key) + "/events", contentType, event.getBytes(StandardCharsets.UTF_8));
            assertSafe(response, contentType + " " + naming);
            assertEquals(400, response.statusCode(), naming);
            assertTrue(response.problemText().contains(naming), naming + ": " + response.asString());
        }
    }

    /** {@code head}, then {@code count} copies of {@code item} each followed by {@code separator}, made as read. */
    private static InputStream repeated(byte[] head, byte[] item, byte separator, long count) {
        byte[] unit = Arrays.copyOf(item, item.length + 1);
        unit[item.length] = separator;
        return new SequenceInputStream(new ByteArrayInputStream(head), new RepeatedBytes(unit, count));
    }
}
