package dev.timelines.bootstrap;

import static dev.timelines.bootstrap.Api.JSON;
import static dev.timelines.bootstrap.Api.NDJSON;
import static dev.timelines.bootstrap.Api.encode;
import static dev.timelines.bootstrap.Api.store;
import static dev.timelines.bootstrap.Api.timeline;
import static dev.timelines.bootstrap.Api.uniqueKey;
import static dev.timelines.bootstrap.RawHttp.get;
import static dev.timelines.bootstrap.RawHttp.post;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.timelines.bootstrap.RawHttp.Response;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.sessions.JqwikSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Hostile input over HTTP: generated with jqwik's arbitraries, sampled inside plain JUnit tests because
 * {@code @Property} does not run under {@code @QuarkusTest}. Whatever comes in, the answer is never a 5xx,
 * every 4xx is an RFC 9457 problem, and the store answers exactly as before. Re-run a failure with the seed
 * its message names: {@code -Dhostile.seed=...}. The barrages go through {@link RawHttp}: at some 1,500 requests,
 * rest-assured's per-request cost would take this class far past its time budget.
 */
@QuarkusTest
@TestProfile(MemoryStorage.class)
class HostileInputTest {

    private static final String SEED = System.getProperty("hostile.seed", Long.toString(new Random().nextLong()));

    private static final List<byte[]> INVALID_UTF8 = List.of(
            bytes(0xFF), bytes(0xFE, 0xFF), bytes(0x80), bytes(0xC3), bytes(0xC3, 0x28),
            bytes(0xC0, 0xAF), bytes(0xE0, 0x80, 0xAF), bytes(0xED, 0xA0, 0x80),
            bytes(0xF4, 0x90, 0x80, 0x80), bytes(0xF8, 0x88, 0x80, 0x80, 0x80));

    private String anchor;
    private String snapshot;

    /** A timeline every barrage aims at; what the store says about it must not change. */
    @BeforeEach
    void storeTheAnchor() {
        anchor = uniqueKey("anchor");
        store(anchor, """
                {"timestamp": 10, "data": {"status": "new", "order": {"total": 1.50}}, "id": "a1"}
                {"timestamp": 20.25, "data": {"status": "paid", "note": null}, "id": "a2"}
                {"timestamp": 30, "data": {"status": "shipped", "tags": ["x", {"y": [true]}]}}
                """);
        snapshot = snapshot();
    }

    private String snapshot() {
        StringBuilder answers = new StringBuilder();
        for (String path : List.of("", "/events?limit=10000", "/history?attribute=status&mode=all",
                "/transitions?attribute=status&entries=true", "/state?attribute=status&at=25",
                "/history?attribute=" + encode("/order/total"))) {
            Response response = get(timeline(anchor) + path);
            assertEquals(200, response.statusCode(), path);
            answers.append(response.asString()).append('\n');
        }
        return answers.toString();
    }

    /** The anchor answers as before, and its event ids are still remembered. */
    private void assertStoreUnchanged() {
        assertEquals(snapshot, snapshot(), "the store's answers changed; seed " + SEED);
        Response again = post(timeline(anchor) + "/events", JSON,
                "{\"timestamp\": 10, \"data\": {}, \"id\": \"a1\"}".getBytes(StandardCharsets.UTF_8));
        assertEquals(200, again.statusCode());
        assertEquals(1, again.json().getInt("duplicates"), "the anchor's ids were forgotten");
        snapshot = snapshot();
    }

    // --- bodies ---

    @Test
    void randomTextBodiesAreRefusedWithProblems() {
        List<String> bodies = new ArrayList<>(sample(Arbitraries.strings().all().ofMaxLength(200), 120));
        // Letters of true/false/null only: the JSON-looking noise can never spell "timestamp" or "data".
        bodies.addAll(sample(Arbitraries.strings().withChars("{}[]\":,0123456789.eE+- \n\r\ttrufalsn\\")
                .ofMaxLength(120), 180));

        for (int i = 0; i < bodies.size(); i++) {
            String target = i % 2 == 0 ? timeline(anchor) + "/events" : "/events";
            String contentType = (i / 2) % 2 == 0 ? JSON : NDJSON;
            Response response = post(target, contentType, bodies.get(i).getBytes(StandardCharsets.UTF_8));
            String what = contentType + " " + target + " " + show(bodies.get(i)) + " (seed " + SEED + ")";
            assertSafe(response, what);
            if (response.statusCode() == 200) {
                assertEquals(0, response.json().getInt("accepted"), what);
            }
        }
        assertStoreUnchanged();
    }

    @Test
    void randomBytesAreRefusedAndMutatedEventsAreStoredOrRefusedCleanly() {
        for (byte[] body : sample(Arbitraries.bytes().array(byte[].class).ofMaxSize(300), 120)) {
            Response response = post(timeline(anchor) + "/events", body.length % 2 == 0 ? JSON : NDJSON, body);
            assertSafe(response, "bytes " + show(body));
            if (response.statusCode() == 200) {
                assertEquals(0, response.json().getInt("accepted"), "bytes " + show(body) + " (seed " + SEED + ")");
            }
        }

        // A valid event with a few bytes changed may still be valid: it goes to a scratch timeline, whose
        // answers must then be servable.
        String scratch = uniqueKey("mutated");
        byte[] valid = ("[{\"timestamp\": 1680945987.5, \"data\": {\"s\": \"paid\", \"n\": [1, {\"k\": null}]}, "
                + "\"id\": \"e-1\"}]").getBytes(StandardCharsets.UTF_8);
        List<List<Integer>> mutations = sample(Arbitraries.integers().between(0, valid.length * 256 - 1).list()
                .ofMinSize(1).ofMaxSize(3), 150);
        for (List<Integer> mutation : mutations) {
            byte[] body = valid.clone();
            mutation.forEach(m -> body[m / 256] = (byte) (m % 256));
            assertSafe(post(timeline(scratch) + "/events", mutation.size() == 2 ? NDJSON : JSON, body),
                    "mutated " + show(body));
        }
        assertReadable(scratch, "s");
        assertStoreUnchanged();
    }

    @Test
    void everyFieldOfEveryWrongJsonTypeIsRefusedAndEveryRightOneIsStored() {
        String scratch = uniqueKey("types");
        // JSON text -> is it a valid timestamp, data, id, timeline key? (null: the contract does not say)
        Map<String, Boolean[]> values = new LinkedHashMap<>();
        values.put("null", rules(false, false, false, false));
        values.put("true", rules(false, false, false, false));
        values.put("0", rules(true, false, false, false));
        values.put("-1.5", rules(true, false, false, false));
        values.put("1680945987.1234567", rules(true, false, false, false));
        values.put("-62135596801", rules(false, false, false, false));
        values.put("253402300800", rules(false, false, false, false));
        values.put("1e999999999", rules(false, false, false, false));
        values.put("-1e999999999", rules(false, false, false, false));
        values.put("1e-999999999", rules(true, false, false, false));
        values.put("1e9999999999", rules(false, false, false, false));
        values.put("9".repeat(400), rules(false, false, false, false));
        values.put("\"\"", rules(false, false, false, false));
        values.put("\"1680945987\"", rules(false, false, true, true));
        values.put("\"2023-04-08T09:26:27+02:00\"", rules(true, false, true, true));
        values.put("\"2023-04-08T09:26:27\"", rules(false, false, true, true));
        values.put("\"0000-12-31T23:59:59Z\"", rules(false, false, true, true));
        values.put("\"+10000-01-01T00:00:00Z\"", rules(false, false, true, true));
        values.put("\"x\\u0000y\"", rules(false, false, null, false));
        values.put("\"\\ud800\"", rules(false, false, null, false));
        values.put("\"..\"", rules(false, false, true, false));
        values.put("\"" + "i".repeat(129) + "\"", rules(false, false, false, true));
        values.put("\"" + "k".repeat(257) + "\"", rules(false, false, false, false));
        values.put("[]", rules(false, false, false, false));
        values.put("[1]", rules(false, false, false, false));
        values.put("{}", rules(false, true, false, false));
        values.put("{\"a\": {\"b\": [null, true, 1.5, \"x\"]}}", rules(false, true, false, false));

        List<String> fields = List.of("timestamp", "data", "id", "timeline");
        int sent = 0;
        for (int f = 0; f < fields.size(); f++) {
            String field = fields.get(f);
            for (Map.Entry<String, Boolean[]> value : values.entrySet()) {
                for (boolean viaPath : List.of(true, false)) {
                    Map<String, String> event = baseEvent(scratch, "types-" + sent++);
                    event.put(field, value.getKey());
                    Boolean valid = value.getValue()[f];
                    if (field.equals("timeline")) {
                        if (!viaPath && Boolean.TRUE.equals(valid)) {
                            continue; // a valid key would be a timeline of its own: covered by the key tests
                        }
                        valid = viaPath ? Boolean.FALSE : valid; // on the path, only the path's key is valid
                    }
                    expect(viaPath, scratch, event, valid);
                }
            }
            for (boolean viaPath : List.of(true, false)) {
                Map<String, String> event = baseEvent(scratch, "types-" + sent++);
                event.remove(field);
                boolean valid = field.equals("id") || (field.equals("timeline") && viaPath);
                expect(viaPath, scratch, event, valid);
            }
        }
        assertReadable(scratch, "s");
        assertStoreUnchanged();
    }

    private static Boolean[] rules(Boolean timestamp, Boolean data, Boolean id, Boolean key) {
        return new Boolean[] {timestamp, data, id, key};
    }

    private static Map<String, String> baseEvent(String key, String id) {
        Map<String, String> event = new LinkedHashMap<>();
        event.put("timeline", "\"" + key + "\"");
        event.put("timestamp", "1680945987");
        event.put("data", "{\"s\": \"ok\"}");
        event.put("id", "\"" + id + "\"");
        return event;
    }

    private static void expect(boolean viaPath, String key, Map<String, String> event, Boolean valid) {
        StringBuilder json = new StringBuilder("{");
        event.forEach((name, value) -> json.append(json.length() > 1 ? ", " : "").append('"').append(name)
                .append("\": ").append(value));
        String body = json.append('}').toString();
        Response response = post(viaPath ? timeline(key) + "/events" : "/events", JSON,
                body.getBytes(StandardCharsets.UTF_8));
        String what = (viaPath ? "path " : "/events ") + show(body);
        assertSafe(response, what);
        if (valid != null) {
            assertEquals(valid ? 200 : 400, response.statusCode(), what + " -> " + response.asString());
        }
        if (response.statusCode() == 200) {
            assertEquals(1, response.json().getInt("accepted") + response.json().getInt("duplicates"), what);
        }
    }

    @Test
    void hugeAndTinyNumbersAreRefusedOrStoredAndServedBack() {
        String scratch = uniqueKey("numbers");
        String digits = "9".repeat(400);
        Map<String, Integer> timestamps = new LinkedHashMap<>();
        timestamps.put("1e999999999", 400);
        timestamps.put("-1e999999999", 400);
        timestamps.put(digits, 400);
        timestamps.put("-" + digits + ".5", 400);
        timestamps.put("1e9999999999", 400);
        timestamps.put("1e-9999999999", 400);
        timestamps.put("0." + "0".repeat(900) + "1", 200);
        timestamps.put("1e-999999999", 200);
        timestamps.put("253402300799.9999995", 400);
        timestamps.put("253402300799.999999", 200);
        timestamps.put("-62135596800", 200);
        timestamps.put("1680945987.99999999999999999999", 200);
        timestamps.put("9".repeat(1001), 400);
        timestamps.forEach((timestamp, status) -> {
            Response response = post(timeline(scratch) + "/events", JSON,
                    ("{\"timestamp\": " + timestamp + ", \"data\": {}}").getBytes(StandardCharsets.UTF_8));
            assertSafe(response, "timestamp " + show(timestamp));
            assertEquals(status, response.statusCode(), "timestamp " + show(timestamp) + " -> " + response.asString());
        });
        Response events = get(timeline(scratch) + "/events");
        assertEquals(200, events.statusCode());
        List<String> stored = new ArrayList<>();
        events.tree().path("items").forEach(item -> stored.add(item.path("timestamp").toString()));
        assertEquals(List.of("-62135596800", "0", "0", "1680945988", "253402300799.999999"), stored,
                "more than 6 fraction digits round to the nearest microsecond");

        String values = uniqueKey("number-values");
        List<String> data = List.of("1e999999999", "-1e999999999", "1e-999999999", digits, "-" + digits + ".5",
                "0e999999999", "0");
        for (int i = 0; i < data.size(); i++) {
            String event = "{\"timestamp\": " + i + ", \"data\": {\"v\": " + data.get(i) + "}}";
            Response response = post(timeline(values) + "/events", JSON, event.getBytes(StandardCharsets.UTF_8));
            assertEquals(200, response.statusCode(), "data " + show(data.get(i)) + " -> " + response.asString());
        }
        for (String refused : List.of("1e9999999999", "-1e-9999999999", "9".repeat(1001), "100e2147483647",
                "1e2147483647", "-1e-2147483647")) {
            Response response = post(timeline(values) + "/events", JSON,
                    ("{\"timestamp\": 99, \"data\": {\"v\": " + refused + "}}").getBytes(StandardCharsets.UTF_8));
            assertSafe(response, "data " + show(refused));
            assertEquals(400, response.statusCode(), "data " + show(refused));
        }
        // 0e999999999 equals the 0 after it: six change points from seven events.
        Response changes = get(timeline(values) + "/history?attribute=v");
        assertEquals(200, changes.statusCode());
        String history = changes.asString();
        assertEquals(6, changes.tree().path("items").size(), history);
        assertTrue(history.contains(digits), "a 400-digit value comes back digit for digit");
        assertReadable(values, "v");
        assertStoreUnchanged();
    }

    @Test
    void deepNestingIsRefusedAndWhateverDepthIsAcceptedIsServedBack() {
        String scratch = uniqueKey("deep");
        for (String body : List.of("[".repeat(5000), "[".repeat(5000) + "]".repeat(5000), "{\"a\":".repeat(5000),
                "{\"timestamp\": 1, \"data\": {\"v\": " + "[".repeat(5000) + "]".repeat(5000) + "}}")) {
            for (String contentType : List.of(JSON, NDJSON)) {
                Response response = post(timeline(anchor) + "/events", contentType,
                        body.getBytes(StandardCharsets.UTF_8));
                assertSafe(response, contentType + " 5000 deep " + show(body));
                assertEquals(400, response.statusCode());
                assertTrue(response.problemText().contains("timelines.limits.nesting-depth (1000)"),
                        "the refusal names the limit: " + response.asString());
            }
        }

        int deepestAccepted = 0;
        for (int depth : List.of(100, 900, 990, 997, 998, 999, 1000, 1001, 1100)) {
            String key = scratch + "-" + depth;
            String body = "{\"timestamp\": 1, \"data\": {\"v\": " + "[".repeat(depth) + "]".repeat(depth) + "}}";
            Response response = post(timeline(key) + "/events", JSON, body.getBytes(StandardCharsets.UTF_8));
            assertSafe(response, "data nested " + depth + " deep");
            if (response.statusCode() == 200) {
                deepestAccepted = depth;
                assertReadable(key, "v");
            }
        }
        assertTrue(deepestAccepted >= 990, "values nested about as deep as the parser allows are accepted");
        assertStoreUnchanged();
    }

    @Test
    void invalidUtf8IsRefusedWhereverItStands() {
        List<String[]> places = List.of(
                new String[] {"{\"timestamp\": 40, \"data\": {\"v\": \"a", "\"}}"},
                new String[] {"{\"timestamp\": 40, \"data\": {\"", "\": 1}}"},
                new String[] {"{\"timestamp\": 40, \"data\": {}, \"id\": \"", "\"}"},
                new String[] {"{\"timestamp\": 40, \"data\": {}, \"timeline\": \"" + anchor, "\"}"});
        for (byte[] bad : INVALID_UTF8) {
            for (String[] place : places) {
                ByteArrayOutputStream event = new ByteArrayOutputStream();
                event.writeBytes(place[0].getBytes(StandardCharsets.UTF_8));
                event.writeBytes(bad);
                event.writeBytes(place[1].getBytes(StandardCharsets.UTF_8));
                byte[] json = event.toByteArray();
                String what = show(json);

                Response document = post(timeline(anchor) + "/events", JSON, json);
                assertSafe(document, "JSON " + what);
                assertEquals(400, document.statusCode(), "JSON " + what);

                ByteArrayOutputStream lines = new ByteArrayOutputStream();
                lines.writeBytes(("{\"timestamp\": 41, \"data\": {}, \"timeline\": \"" + anchor + "\"}\n")
                        .getBytes(StandardCharsets.UTF_8));
                lines.writeBytes(json);
                lines.writeBytes("\n".getBytes(StandardCharsets.UTF_8));
                Response ndjson = post("/events", NDJSON, lines.toByteArray());
                assertSafe(ndjson, "NDJSON " + what);
                assertEquals(400, ndjson.statusCode(), "NDJSON " + what);
                // The line lacks "timeline" unless it is the fourth place; either way line 2 is the culprit.
                assertEquals(List.of("line 2"), ndjson.errorsAt(), "NDJSON " + what);
            }
        }
        assertStoreUnchanged();
    }

    // --- keys ---

    @Test
    void controlCharactersInKeysAreRefusedInThePathAndInTheTimelineField() {
        List<Integer> controls = new ArrayList<>();
        for (int c = 0; c <= 0x9F; c++) {
            if (c < 0x20 || c >= 0x7F) {
                controls.add(c);
            }
        }
        for (int c : controls) {
            String key = "k" + (char) c + "k";
            String what = "key with U+%04X".formatted(c);
            Response describe = get(timeline(key));
            assertSafe(describe, what);
            assertEquals(400, describe.statusCode(), what);
            assertEquals(List.of("key"), describe.errorsAt(), what);

            Response viaPath = post(timeline(key) + "/events", JSON,
                    "{\"timestamp\": 1, \"data\": {}}".getBytes(StandardCharsets.UTF_8));
            assertSafe(viaPath, "POST " + what);
            assertEquals(400, viaPath.statusCode(), "POST " + what);

            Response viaField = post("/events", JSON, "{\"timeline\": \"k\\u%04Xk\", \"timestamp\": 1, \"data\": {}}"
                    .formatted(c).getBytes(StandardCharsets.UTF_8));
            assertSafe(viaField, "field " + what);
            assertEquals(400, viaField.statusCode(), "field " + what);
        }
        assertStoreUnchanged();
    }

    @Test
    void dotKeysAreRefusedAndDotsInsideKeysAreJustCharacters() {
        for (String key : List.of(".", "..")) {
            Response viaField = post("/events", JSON, eventIn(key));
            assertSafe(viaField, "field " + key);
            assertEquals(400, viaField.statusCode(), "field " + key);
            // In a path these are dot segments: normalised away, so the request lands elsewhere.
            for (String encoded : List.of(key, key.replace(".", "%2E"), key.replace(".", "%2e"))) {
                for (String sub : List.of("", "/events", "/history?attribute=s", "/state?attribute=s")) {
                    assertSafe(get("/timelines/" + encoded + sub), "GET /timelines/" + encoded + sub);
                }
                Response viaPath = post("/timelines/" + encoded + "/events", JSON,
                        "{\"timestamp\": 1, \"data\": {}}".getBytes(StandardCharsets.UTF_8));
                assertSafe(viaPath, "POST /timelines/" + encoded + "/events");
                assertTrue(viaPath.statusCode() >= 400, "POST /timelines/" + encoded + "/events");
            }
        }

        String traversal = "../" + uniqueKey("dots") + "/..";
        Response stored = post("/events", JSON, eventIn(traversal));
        assertEquals(200, stored.statusCode(), stored.asString());
        Response found = get(timeline(traversal));
        assertEquals(200, found.statusCode(), found.asString());
        assertEquals(traversal, found.json().getString("key"));
        assertStoreUnchanged();
    }

    @Test
    void pathKeysWhoseBytesAreNotUtf8AreRefusedRatherThanReplaced() {
        for (String raw : List.of("a%FFb", "a%fe%ffb", "a%C0%AFb", "a%ED%A0%80b", "a%F4%90%80%80b", "a%C3")) {
            Response describe = get("/timelines/" + raw);
            assertSafe(describe, "GET /timelines/" + raw);
            assertEquals(400, describe.statusCode(), "GET /timelines/" + raw);
            assertEquals(List.of("key"), describe.errorsAt(), "GET /timelines/" + raw);
            Response stored = post("/timelines/" + raw + "/events", JSON,
                    "{\"timestamp\": 1, \"data\": {}}".getBytes(StandardCharsets.UTF_8));
            assertSafe(stored, "POST /timelines/" + raw + "/events");
            assertEquals(400, stored.statusCode(), "POST /timelines/" + raw + "/events");
        }

        // U+FFFD itself is a character like any other.
        String replacement = uniqueKey("\uFFFD");
        assertEquals(200, post(timeline(replacement) + "/events", JSON,
                "{\"timestamp\": 1, \"data\": {}}".getBytes(StandardCharsets.UTF_8)).statusCode());
        assertEquals(replacement, get(timeline(replacement)).json().getString("key"));
        assertStoreUnchanged();
    }

    @Test
    void keysAreLimitedTo256Utf8Bytes() {
        String longest = uniqueKey("").substring(1) + "é".repeat((256 - 36) / 2);
        assertEquals(256, longest.getBytes(StandardCharsets.UTF_8).length);
        String tooLong = longest + "x";
        Response stored = post("/events", JSON, eventIn(longest));
        assertEquals(200, stored.statusCode(), stored.asString());
        assertEquals(200, get(timeline(longest)).statusCode());

        Response viaField = post("/events", JSON, eventIn(tooLong));
        assertSafe(viaField, "257-byte key in the field");
        assertEquals(400, viaField.statusCode());
        Response viaPath = get(timeline(tooLong));
        assertSafe(viaPath, "257-byte key in the path");
        assertEquals(400, viaPath.statusCode());
        assertStoreUnchanged();
    }

    // --- headers ---

    @Test
    void credentialsAreIgnoredWhileAuthenticationIsOff() {
        for (String authorization : List.of("Bearer not-a-key", "Bearer a.b.c", "Basic Zm9vOmJhcg==", "Bearer ")) {
            Response read = RawHttp.send(HttpRequest.newBuilder(RawHttp.uri(timeline(anchor)))
                    .header("Authorization", authorization).GET());
            assertEquals(200, read.statusCode(), authorization);
        }
        assertStoreUnchanged();
    }

    // --- query parameters ---

    @Test
    void randomQueryParameterValuesAreAnsweredOrRefusedByName() {
        // resource, the parameter that gets a hostile value, the other parameters (attribute unless fuzzed)
        List<String[]> targets = new ArrayList<>();
        for (String parameter : List.of("since", "until", "limit", "cursor")) {
            targets.add(new String[] {"events", parameter, ""});
        }
        for (String parameter : List.of("attribute", "mode", "since", "until", "format", "limit", "cursor")) {
            targets.add(new String[] {"history", parameter, parameter.equals("attribute") ? "" : "attribute=status&"});
        }
        for (String parameter : List.of("attribute", "since", "until", "entries", "limit", "cursor")) {
            targets.add(new String[] {"transitions", parameter,
                    parameter.equals("attribute") ? "entries=true&" : "attribute=status&entries=true&"});
        }
        for (String parameter : List.of("attribute", "at")) {
            targets.add(new String[] {"state", parameter,
                    parameter.equals("attribute") ? "at=25&" : "attribute=status&"});
        }

        Arbitrary<String> values = Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(40),
                Arbitraries.strings().withChars("0123456789-+.:eETZtz smhdnow/~").ofMaxLength(30),
                Arbitraries.strings().withChars("0123456789").ofMinLength(1).ofMaxLength(25)
                        .map(n -> "-" + n + "smhdwy".charAt(n.length() % 6)),
                Arbitraries.integers().map(String::valueOf),
                Arbitraries.of("true", "false", "TRUE", "changes", "all", "pairs", "items", "now", "", "null",
                        "1e999999999", "-0", "9999-12-31T23:59:59.9999999Z", "+10000-01-01T00:00:00Z",
                        "0001-01-01T00:00:00-00:01", "dDE6OTk5OTk5OTk5OTk5OTk5OTk5OTk5OTk5OTk6MQ", "/", "~", "/a/~2"));
        List<String> samples = sample(values, 300);
        for (int i = 0; i < samples.size(); i++) {
            String[] target = targets.get(i % targets.size());
            String parameter = target[1];
            String query = target[0] + "?" + target[2] + parameter + "=";
            Response response = get(timeline(anchor) + "/" + query + encode(samples.get(i)));
            String what = "GET " + query + show(samples.get(i)) + " (seed " + SEED + ")";
            assertSafe(response, what);
            int status = response.statusCode();
            assertTrue(status == 200 || status == 400 || status == 404, what + " -> " + status);
            if (status == 400) {
                assertEquals(List.of(parameter), response.errorsAt(), what);
            }
        }
        assertStoreUnchanged();
    }

    // --- many clients ---

    /**
     * A bounded number of clients hammer the service at once with a mix of valid and hostile requests for a few
     * seconds. Every request is answered (none waits past {@link RawHttp#TIMEOUT}), none with a 5xx, every
     * refusal is a problem, the anchor answers as before, and each client's timeline holds exactly what it was
     * told was stored.
     */
    @Test
    void manyConcurrentClientsMixingValidAndHostileRequestsNeverGetA5xxOrHang() throws Exception {
        int clients = 8;
        long until = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        List<String> failures = new CopyOnWriteArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<Integer>> stored = new ArrayList<>();
            List<String> keys = new ArrayList<>();
            for (int client = 0; client < clients; client++) {
                String key = uniqueKey("client-" + client);
                keys.add(key);
                stored.add(pool.submit(() -> hammer(key, until, failures)));
            }
            for (int client = 0; client < clients; client++) {
                int accepted = stored.get(client).get(RawHttp.TIMEOUT.toSeconds() * 2, TimeUnit.SECONDS);
                Response summary = get(timeline(keys.get(client)));
                assertEquals(200, summary.statusCode(), keys.get(client));
                assertEquals(accepted, summary.json().getInt("events"), "what client " + client + " was told");
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(List.of(), failures);
        assertStoreUnchanged();
    }

    /** One client's loop over the request mix; returns how many events the service said it stored. */
    private int hammer(String key, long until, List<String> failures) {
        byte[] deep = ("{\"timestamp\": 1, \"data\": " + "[".repeat(5000) + "}").getBytes(StandardCharsets.UTF_8);
        byte[] garbage = "{\"timestamp\": 1, \"data\": {\"v\": 1e99999999999}}\n{{{".getBytes(StandardCharsets.UTF_8);
        byte[] duplicate = "{\"timestamp\": 10, \"data\": {}, \"id\": \"a1\"}".getBytes(StandardCharsets.UTF_8);
        int accepted = 0;
        for (int round = 0; System.nanoTime() < until; round++) {
            String what = key + " round " + round;
            Response response = switch (round % 6) {
                case 0 -> post(timeline(key) + "/events", NDJSON, ("{\"timestamp\": " + round + ", \"data\": "
                        + "{\"status\": \"s" + round % 3 + "\"}, \"id\": \"r" + round + "\"}\n").repeat(2)
                        .getBytes(StandardCharsets.UTF_8));
                case 1 -> post(timeline(anchor) + "/events", JSON, deep);
                case 2 -> post("/events", NDJSON, garbage);
                case 3 -> get(timeline(anchor) + "/history?attribute=status&mode=sideways");
                case 4 -> post(timeline(anchor) + "/events", JSON, duplicate);
                default -> get("/transitions?attribute=status&limit=5");
            };
            try {
                assertSafe(response, what);
                boolean valid = round % 6 == 0 || round % 6 == 4 || round % 6 == 5;
                assertEquals(valid ? 200 : 400, response.statusCode(), what + " -> " + response.asString());
                if (round % 6 == 0) {
                    accepted += response.json().getInt("accepted");
                }
            } catch (AssertionError e) {
                failures.add(e.getMessage());
            }
        }
        return accepted;
    }

    // --- helpers ---

    /** {@link RawHttp#assertSafe}, with the seed that reproduces the barrage. */
    private static void assertSafe(Response response, String what) {
        RawHttp.assertSafe(response, what + " (seed " + SEED + ")");
    }

    /**
     * Whatever a timeline holds after a barrage, every question about it is answered, and so are the questions
     * across timelines, whose indexes hold its values too.
     */
    private static void assertReadable(String key, String attribute) {
        for (String path : List.of("/attributes", "/attributes/" + attribute + "/values",
                "/states?attribute=" + attribute, "/states/durations?attribute=" + attribute,
                "/transitions?attribute=" + attribute, "/transitions/summary?attribute=" + attribute,
                "/timelines?attribute=" + attribute + "&value=json:1")) {
            assertSafe(get(path), "GET " + path + " after storing in " + key);
        }
        Response describe = get(timeline(key));
        if (describe.statusCode() == 404) {
            return;
        }
        for (String path : List.of("", "/events?limit=10000", "/history?attribute=" + attribute,
                "/history?attribute=" + attribute + "&mode=all&format=pairs",
                "/transitions?attribute=" + attribute + "&entries=true", "/state?attribute=" + attribute + "&at=now")) {
            Response response = get(timeline(key) + path);
            assertSafe(response, "GET " + path + " of " + key);
            if (!path.startsWith("/state")) {
                assertEquals(200, response.statusCode(), "GET " + path + " of " + key);
            }
        }
    }

    private static <T> List<T> sample(Arbitrary<T> arbitrary, int count) {
        List<T> values = new ArrayList<>();
        JqwikSession.run(SEED, () -> arbitrary.sampleStream().limit(count).forEach(values::add));
        return values;
    }

    /** One valid event naming its timeline, for POST /events. */
    private static byte[] eventIn(String key) {
        return ("{\"timeline\": \"" + key + "\", \"timestamp\": 1, \"data\": {}}").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    /** Printable form of hostile text for failure messages. */
    private static String show(String text) {
        StringBuilder out = new StringBuilder();
        text.chars().limit(160).forEach(c -> out.append(c >= 0x20 && c < 0x7F ? String.valueOf((char) c)
                : "\\u%04X".formatted(c)));
        return out.append(text.length() > 160 ? "..." : "").toString();
    }

    private static String show(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < Math.min(bytes.length, 160); i++) {
            int b = bytes[i] & 0xFF;
            out.append(b >= 0x20 && b < 0x7F ? String.valueOf((char) b) : "\\x%02X".formatted(b));
        }
        return out.append(bytes.length > 160 ? "..." : "").toString();
    }
}
