package dev.timelines.bootstrap;

import static dev.timelines.bootstrap.Api.JSON;
import static dev.timelines.bootstrap.Api.NDJSON;
import static dev.timelines.bootstrap.Api.get;
import static dev.timelines.bootstrap.Api.post;
import static dev.timelines.bootstrap.Api.problem;
import static dev.timelines.bootstrap.Api.store;
import static dev.timelines.bootstrap.Api.timeline;
import static dev.timelines.bootstrap.Api.uniqueKey;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyOrNullString;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** docs/semantics.md: a request is all or nothing, and its 400 names every invalid line or index. */
@QuarkusTest
@TestProfile(MemoryStorage.class)
class AllOrNothingTest {

    @Test
    void ndjsonBatchNamesEveryBadLineCountedFromOneAndStoresNothing() {
        String key = uniqueKey("bad-lines");
        problem(post(timeline(key) + "/events", NDJSON, """
                {"timestamp": 1, "data": {"ok": 1}}
                {"timestamp": 2}
                {"timestamp": 3, "data": {"ok": 3}}
                {"timestamp": "1680945987", "data": {}}
                {"timestamp": 5, "data": [1, 2]}

                {"timestamp": 7, "data": {}, "id": 7}
                {"timestamp": 8, "data": {
                {"timestamp": 9, "data": {}, "status": "paid"}
                {"timestamp": 10, "data": {"ok": 10}}
                """), 400)
                .body("errors.at", containsInAnyOrder("line 2", "line 4", "line 5", "line 7", "line 8", "line 9"))
                .body("errors.message", everyItem(not(emptyOrNullString())));

        problem(get(timeline(key)), 404);
    }

    @Test
    void eventBreakingSeveralRulesIsNamedOnlyAtItsOwnLine() {
        String key = uniqueKey("many-rules");
        problem(post(timeline(key) + "/events", NDJSON, """
                {"timestamp": 1, "data": {}}
                {"timestamp": true, "data": "x", "id": ""}
                {"timestamp": 3, "data": {}}
                """), 400)
                .body("errors.at", hasItem("line 2"))
                .body("errors.at", everyItem(equalTo("line 2")));

        problem(get(timeline(key)), 404);
    }

    @Test
    void badBatchLeavesExistingTimelinesUnchanged() {
        String existing = uniqueKey("existing");
        String fresh = uniqueKey("fresh");
        store(existing, """
                {"timestamp": 1, "data": {"v": "a"}, "id": "e1"}
                {"timestamp": 2, "data": {"v": "b"}}
                """);
        String before = get(timeline(existing) + "/events").statusCode(200).extract().asString();

        problem(post("/events", NDJSON, """
                {"timeline": "%s", "timestamp": 3, "data": {"v": "c"}}
                {"timeline": "%s", "timestamp": 4, "data": {"v": "d"}, "id": "e2"}
                {"timeline": "%s", "timestamp": 5, "data": {"v": "e"}}
                {"timeline": "%s", "data": {"v": "f"}}
                """.formatted(existing, existing, fresh, fresh)), 400)
                .body("errors.at", contains("line 4"));

        get(timeline(existing)).statusCode(200).body("events", equalTo(2));
        get(timeline(existing) + "/events").statusCode(200).body(equalTo(before));
        problem(get(timeline(fresh)), 404);
        // e2 was not remembered either: it is new when sent again on its own.
        post(timeline(existing) + "/events", JSON, "{\"timestamp\": 4, \"data\": {}, \"id\": \"e2\"}")
                .statusCode(200).body("accepted", equalTo(1)).body("duplicates", equalTo(0));
    }

    @Test
    void arrayBatchNamesEveryBadIndexCountedFromZeroAndStoresNothing() {
        String key = uniqueKey("bad-indexes");
        problem(post(timeline(key) + "/events", JSON, """
                [{"timestamp": 0, "data": "not an object"},
                 {"timestamp": 1, "data": {}},
                 {"data": {}},
                 "not an event",
                 {"timestamp": 4, "data": {}, "id": ["x"]},
                 {"timestamp": 5, "data": {}}]"""), 400)
                .body("errors.at", containsInAnyOrder("/0", "/2", "/3", "/4"));

        problem(get(timeline(key)), 404);
    }

    @Test
    void everyLineWithInvalidUtf8IsNamedAtItsOwnLine() {
        String key = uniqueKey("bad-utf8-lines");
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes("{\"timestamp\": 1, \"data\": {}}\n".getBytes(StandardCharsets.UTF_8));
        body.writeBytes("{\"timestamp\": 2, \"data\": {\"v\": \"".getBytes(StandardCharsets.UTF_8));
        body.writeBytes(new byte[] {(byte) 0xC0, (byte) 0xAF});
        body.writeBytes("\"}}\n{\"timestamp\": 3, \"data\": {}}\n".getBytes(StandardCharsets.UTF_8));
        body.writeBytes("{\"timestamp\": 4, \"data\": {\"v\": \"".getBytes(StandardCharsets.UTF_8));
        body.writeBytes(new byte[] {(byte) 0xFF});
        body.writeBytes("\"}}\n".getBytes(StandardCharsets.UTF_8));

        problem(post(timeline(key) + "/events", NDJSON, body.toByteArray()), 400)
                .body("errors.at", contains("line 2", "line 4"));

        problem(get(timeline(key)), 404);
    }

    @Test
    void jsonWithTrailingGarbageIsRejected() {
        String key = uniqueKey("trailing");
        String path = timeline(key) + "/events";
        problem(post(path, JSON, "{\"timestamp\": 1, \"data\": {}} x"), 400);
        problem(post(path, JSON, "{\"timestamp\": 1, \"data\": {}}}"), 400);
        problem(post(path, JSON, "{\"timestamp\": 1, \"data\": {}}{\"timestamp\": 2, \"data\": {}}"), 400);
        problem(post(path, JSON, "[{\"timestamp\": 1, \"data\": {}}] []"), 400);
        problem(post(path, JSON, "[{\"timestamp\": 1, \"data\": {}}]]"), 400);
        problem(post(path, NDJSON, "{\"timestamp\": 1, \"data\": {}}\n{\"timestamp\": 2, \"data\": {}} 5\n"), 400)
                .body("errors.at", contains("line 2"));
        problem(post("/events", JSON, "{\"timeline\": \"" + key + "\", \"timestamp\": 1, \"data\": {}} null"), 400);

        problem(get(timeline(key)), 404);
    }

    @Test
    void duplicateKeysInAnObjectAreRejected() {
        String key = uniqueKey("duplicate-keys");
        String path = timeline(key) + "/events";
        problem(post(path, JSON, "{\"timestamp\": 1, \"timestamp\": 2, \"data\": {}}"), 400);
        problem(post(path, JSON, "{\"timestamp\": 1, \"data\": {\"v\": 1, \"v\": 1}}"), 400);
        problem(post(path, JSON,
                "[{\"timestamp\": 1, \"data\": {}}, {\"timestamp\": 1, \"data\": {\"a\": {\"b\": 1, \"b\": 2}}}]"), 400)
                .body("errors.at", contains("/1"));
        problem(post(path, NDJSON,
                "{\"timestamp\": 1, \"data\": {}}\n{\"timestamp\": 1, \"data\": {}, \"data\": {}}\n"), 400)
                .body("errors.at", contains("line 2"));

        problem(get(timeline(key)), 404);
    }
}
