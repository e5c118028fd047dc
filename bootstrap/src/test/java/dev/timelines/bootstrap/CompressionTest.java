package dev.timelines.bootstrap;

import static dev.timelines.bootstrap.Api.JSON;
import static dev.timelines.bootstrap.Api.NDJSON;
import static dev.timelines.bootstrap.Api.PROBLEM;
import static dev.timelines.bootstrap.Api.timeline;
import static dev.timelines.bootstrap.Api.uniqueKey;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/**
 * gzip both ways (docs/operations.md, Compression): replies compressed when the client asks for it, request bodies
 * with {@code Content-Encoding: gzip} inflated as they are read, and {@code timelines.limits.body-size} applied to
 * the inflated size, so that a gzip bomb is a 413 that costs no more memory than a body at the limit.
 */
@QuarkusTest
@TestProfile(MemoryStorage.class)
class CompressionTest {

    private static final long BODY_LIMIT = 32L << 20;
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final ObjectMapper JSON_READER = new ObjectMapper();

    @Test
    void aGzipBodyIsInflatedAndStored() {
        String key = uniqueKey("gzipped");
        String ndjson = """
                {"timestamp": 1, "id": "a", "data": {"status": "new", "note": "naïve ✓"}}
                {"timestamp": 2, "id": "b", "data": {"status": "paid"}}
                """;

        Reply stored = send(post(timeline(key) + "/events", NDJSON, gzip(ndjson)).header("Content-Encoding", "gzip"));
        assertEquals(200, stored.status(), stored.text());
        assertEquals(2, stored.json().path("accepted").asInt(), stored.text());

        // The same through /events as a JSON array, with the coding's alias and in capitals.
        String array = "[{\"timeline\": \"" + key + "\", \"timestamp\": 3, \"id\": \"c\", \"data\": {\"status\": \"shipped\"}}]";
        Reply alias = send(post("/events", JSON, gzip(array)).header("Content-Encoding", "X-GZIP"));
        assertEquals(200, alias.status(), alias.text());
        assertEquals(1, alias.json().path("accepted").asInt(), alias.text());

        JsonNode items = send(get(timeline(key) + "/events")).json().path("items");
        assertEquals(3, items.size(), items.toString());
        assertEquals("naïve ✓", items.get(0).path("data").path("note").asText());
        assertEquals(List.of("a", "b", "c"), List.of(items.get(0).path("id").asText(), items.get(1).path("id").asText(),
                items.get(2).path("id").asText()));
    }

    @Test
    void aReplyIsGzippedWhenTheClientAsksForIt() throws IOException {
        String key = uniqueKey("reply");
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            lines.append("{\"timestamp\": ").append(i).append(", \"data\": {\"status\": \"s").append(i % 3)
                    .append("\"}}\n");
        }
        assertEquals(200, send(post(timeline(key) + "/events", NDJSON, bytes(lines.toString()))).status());
        String path = timeline(key) + "/events?limit=200";

        Reply plain = send(get(path));
        Reply gzipped = send(get(path).header("Accept-Encoding", "gzip"));

        assertEquals(Optional.empty(), plain.header("Content-Encoding"), "not asked for, not compressed");
        assertEquals(Optional.of("gzip"), gzipped.header("Content-Encoding"));
        assertTrue(gzipped.body().length < plain.body().length / 3,
                gzipped.body().length + " compressed bytes for " + plain.body().length);
        assertArrayEquals(plain.body(), gunzip(gzipped.body()), "the same JSON once inflated");
        assertEquals(200, JSON_READER.readTree(gunzip(gzipped.body())).path("items").size());
        for (Reply reply : List.of(plain, gzipped)) {
            assertTrue(reply.headers().allValues("Vary").stream().anyMatch(v -> v.equalsIgnoreCase("Accept-Encoding")),
                    "caches must know the reply depends on Accept-Encoding: " + reply.headers().map());
        }
    }

    /**
     * 64 MiB of zero bytes gzip to 64 KiB, declared in Content-Length: far below the limit until inflated. As NDJSON
     * they are one line that never ends, read until the inflated bytes pass the limit.
     */
    @Test
    void aGzipBombIsRefusedWith413AndTheServiceGoesOn() {
        byte[] bomb = gzip(new byte[64 << 20]);
        assertTrue(bomb.length < BODY_LIMIT / 100, bomb.length + " bytes compressed");
        String key = uniqueKey("bomb");

        Reply refused = send(post(timeline(key) + "/events", NDJSON, bomb).header("Content-Encoding", "gzip"));

        assertTooLarge(refused, "64 MiB of zeros in " + bomb.length + " bytes");
        assertServiceGoesOn(key);
    }

    /**
     * A bomb that inflates to more than this JVM's whole heap (the service runs in it), in gzip members one after
     * another, sent chunked: refused once the inflated bytes pass the limit, having read only the first members.
     * Inflating it whole, in memory or anywhere, is impossible here.
     */
    @Test
    void aBombLargerThanTheHeapIsRefusedAfterReadingOnlyUpToTheLimit() {
        // Spaces: JSON whitespace, which a parser skips without keeping it. 16 MiB of them gzip to about 16 KiB.
        byte[] spaces = new byte[16 << 20];
        Arrays.fill(spaces, (byte) ' ');
        byte[] member = gzip(spaces);
        long heap = Runtime.getRuntime().maxMemory();
        long members = heap / spaces.length + 2;
        long inflated = members * spaces.length;
        assertTrue(inflated > heap, inflated + " bytes inflated, heap " + heap);
        String key = uniqueKey("heap-bomb");

        long started = System.nanoTime();
        Reply refused = send(HttpRequest.newBuilder(RawHttp.uri(timeline(key) + "/events"))
                .header("Content-Type", JSON).header("Content-Encoding", "gzip")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new RepeatedBytes(member, members))));
        assertTooLarge(refused, "a " + inflated + " byte bomb of " + members * member.length + " bytes");
        assertTrue(System.nanoTime() - started < 30_000_000_000L, "refused long before it could be inflated whole");
        assertServiceGoesOn(key);
    }

    @Test
    void aBodyThatIsNotGzipIsA400AndAnUnknownCodingA415() {
        String key = uniqueKey("bad-coding");
        byte[] event = bytes("{\"timestamp\": 1, \"data\": {\"status\": \"new\"}}");

        Reply notGzip = send(post(timeline(key) + "/events", JSON, event).header("Content-Encoding", "gzip"));
        assertEquals(400, notGzip.status(), notGzip.text());
        assertEquals("body", notGzip.json().path("errors").path(0).path("at").asText(), notGzip.text());
        assertTrue(notGzip.text().contains("not valid gzip"), notGzip.text());

        byte[] whole = gzip(event);
        Reply truncated = send(post(timeline(key) + "/events", JSON, Arrays.copyOf(whole, whole.length - 12))
                .header("Content-Encoding", "gzip"));
        assertEquals(400, truncated.status(), truncated.text());
        assertTrue(truncated.text().contains("not valid gzip"), truncated.text());

        Reply brotli = send(post(timeline(key) + "/events", JSON, event).header("Content-Encoding", "br"));
        assertEquals(415, brotli.status(), brotli.text());
        assertTrue(brotli.header("Content-Type").orElseThrow().startsWith(PROBLEM), brotli.text());
        assertEquals(Optional.of("gzip, identity"), brotli.header("Accept-Encoding"));

        assertEquals(404, send(get(timeline(key))).status(), "nothing was stored");
        Reply identity = send(post(timeline(key) + "/events", JSON, event).header("Content-Encoding", "identity"));
        assertEquals(200, identity.status(), identity.text());
    }

    private static void assertTooLarge(Reply reply, String what) {
        assertEquals(413, reply.status(), what + ": " + reply.text());
        assertTrue(reply.header("Content-Type").orElseThrow().startsWith(PROBLEM), what);
        assertTrue(reply.text().contains("timelines.limits.body-size (33554432 bytes)"), what + ": " + reply.text());
    }

    private static void assertServiceGoesOn(String key) {
        assertEquals(404, send(get(timeline(key))).status(), "nothing of the bomb was stored");
        assertEquals(200, send(get("/q/health/live")).status());
        Reply after = send(post(timeline(key) + "/events", JSON,
                gzip("{\"timestamp\": 1, \"data\": {\"status\": \"after\"}}")).header("Content-Encoding", "gzip"));
        assertEquals(200, after.status(), after.text());
    }

    /** A reply as bytes, as sent: the JDK client inflates nothing by itself. */
    private record Reply(int status, byte[] body, java.net.http.HttpHeaders headers) {

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        JsonNode json() {
            try {
                return JSON_READER.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + RawHttp.abbreviate(text()), e);
            }
        }

        Optional<String> header(String name) {
            return headers.firstValue(name);
        }
    }

    private static HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(RawHttp.uri(path)).GET();
    }

    private static HttpRequest.Builder post(String path, String contentType, byte[] body) {
        return HttpRequest.newBuilder(RawHttp.uri(path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    }

    private static Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<byte[]> response = HTTP.send(request.timeout(RawHttp.TIMEOUT).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            return new Reply(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] gzip(String text) {
        return gzip(bytes(text));
    }

    private static byte[] gzip(byte[] data) {
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(compressed)) {
            out.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return compressed.toByteArray();
    }

    private static byte[] gunzip(byte[] data) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(data))) {
            return in.readAllBytes();
        }
    }
}
