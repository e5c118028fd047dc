package dev.timelines.bootstrap;

import static dev.timelines.bootstrap.Api.JSON;
import static dev.timelines.bootstrap.Api.NDJSON;
import static dev.timelines.bootstrap.Api.get;
import static dev.timelines.bootstrap.Api.post;
import static dev.timelines.bootstrap.Api.problem;
import static dev.timelines.bootstrap.Api.timeline;
import static dev.timelines.bootstrap.Api.uniqueKey;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** docs/api.md, ingest: the three body forms, both endpoints, idempotent ids, timestamp forms. */
@QuarkusTest
@TestProfile(MemoryStorage.class)
class IngestApiTest {

    private static ValidatableResponse ingest(String key, String contentType, String body) {
        return post(timeline(key) + "/events", contentType, body);
    }

    private static ValidatableResponse replied(ValidatableResponse response, int accepted, int duplicates) {
        return response.statusCode(200)
                .body("accepted", equalTo(accepted))
                .body("duplicates", equalTo(duplicates));
    }

    @Test
    void oneEventObjectIsStored() {
        String key = uniqueKey("one-object");
        replied(ingest(key, JSON, """
                {"timestamp": 1680945987, "data": {"status": "paid"}, "id": "e1"}"""), 1, 0);

        get(timeline(key) + "/events").statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].timestamp", equalTo(1680945987))
                .body("items[0].id", equalTo("e1"))
                .body("items[0].data.status", equalTo("paid"));
    }

    @Test
    void arrayOfEventsIsStored() {
        String key = uniqueKey("array");
        replied(ingest(key, JSON, """
                [{"timestamp": 1, "data": {"n": 1}},
                 {"timestamp": 2, "data": {"n": 2}},
                 {"timestamp": 3, "data": {"n": 3}}]"""), 3, 0);

        get(timeline(key) + "/events").statusCode(200).body("items.data.n", contains(1, 2, 3));
    }

    @Test
    void ndjsonIgnoresBlankLines() {
        String key = uniqueKey("ndjson");
        replied(ingest(key, NDJSON, "\n{\"timestamp\": 1, \"data\": {\"n\": 1}}\n\n   \n"
                + "{\"timestamp\": 2, \"data\": {\"n\": 2}}\r\n\t\r\n{\"timestamp\": 3, \"data\": {\"n\": 3}}"), 3, 0);

        get(timeline(key) + "/events").statusCode(200).body("items.data.n", contains(1, 2, 3));
    }

    @Test
    void eventsEndpointStoresEachEventInTheTimelineItNames() {
        String first = uniqueKey("names-a");
        String second = uniqueKey("names-b");
        replied(post("/events", JSON, """
                [{"timeline": "%s", "timestamp": 1, "data": {"n": 1}},
                 {"timeline": "%s", "timestamp": 2, "data": {"n": 2}},
                 {"timeline": "%s", "timestamp": 3, "data": {"n": 3}}]""".formatted(first, second, first)), 3, 0);
        replied(post("/events", NDJSON, """
                {"timeline": "%s", "timestamp": 4, "data": {"n": 4}}

                {"timeline": "%s", "timestamp": 5, "data": {"n": 5}}
                """.formatted(second, first)), 2, 0);
        replied(post("/events", JSON, """
                {"timeline": "%s", "timestamp": 6, "data": {"n": 6}}""".formatted(second)), 1, 0);

        get(timeline(first) + "/events").statusCode(200).body("items.data.n", contains(1, 3, 5));
        get(timeline(second) + "/events").statusCode(200).body("items.data.n", contains(2, 4, 6));
    }

    @Test
    void eventsEndpointRequiresEveryEventToNameItsTimeline() {
        String key = uniqueKey("unnamed");
        problem(post("/events", JSON, """
                [{"timeline": "%s", "timestamp": 1, "data": {}}, {"timestamp": 2, "data": {}}]""".formatted(key)),
                400).body("errors.at", contains("/1"));

        problem(get(timeline(key)), 404);
    }

    @Test
    void sameIdInALaterRequestIsADuplicateAndTheFirstEventStays() {
        String key = uniqueKey("later-duplicate");
        replied(ingest(key, JSON, "{\"timestamp\": 1, \"data\": {\"v\": \"first\"}, \"id\": \"e1\"}"), 1, 0);
        replied(ingest(key, NDJSON, "{\"timestamp\": 2, \"data\": {\"v\": \"second\"}, \"id\": \"e1\"}\n"), 0, 1);
        replied(post("/events", JSON, """
                [{"timeline": "%s", "timestamp": 3, "data": {"v": "third"}, "id": "e1"}]""".formatted(key)), 0, 1);

        get(timeline(key) + "/events").statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].data.v", equalTo("first"))
                .body("items[0].timestamp", equalTo(1));
    }

    @Test
    void sameIdTwiceInOneBatchIsStoredOnce() {
        String key = uniqueKey("batch-duplicate");
        replied(ingest(key, JSON, """
                [{"timestamp": 1, "data": {"v": "a"}, "id": "x"},
                 {"timestamp": 2, "data": {"v": "b"}, "id": "x"},
                 {"timestamp": 3, "data": {"v": "c"}, "id": "y"}]"""), 2, 1);

        get(timeline(key) + "/events").statusCode(200).body("items.data.v", contains("a", "c"));
    }

    @Test
    void eventsWithoutIdAreNeverDuplicates() {
        String key = uniqueKey("no-id");
        String event = "{\"timestamp\": 1, \"data\": {\"v\": 1}}\n";
        replied(ingest(key, NDJSON, event + event), 2, 0);
        replied(ingest(key, NDJSON, event), 1, 0);

        get(timeline(key)).statusCode(200).body("events", equalTo(3));
    }

    @Test
    void sameIdInAnotherTimelineIsStored() {
        String first = uniqueKey("id-a");
        String second = uniqueKey("id-b");
        replied(post("/events", JSON, """
                [{"timeline": "%s", "timestamp": 1, "data": {}, "id": "shared"},
                 {"timeline": "%s", "timestamp": 1, "data": {}, "id": "shared"}]""".formatted(first, second)), 2, 0);
        replied(ingest(second, JSON, "{\"timestamp\": 2, \"data\": {}, \"id\": \"shared\"}"), 0, 1);

        get(timeline(first)).statusCode(200).body("events", equalTo(1));
        get(timeline(second)).statusCode(200).body("events", equalTo(1));
    }

    @Test
    void rfc3339AndFractionalTimestampsComeBackAsEpochSeconds() {
        String key = uniqueKey("timestamps");
        replied(ingest(key, NDJSON, """
                {"timestamp": "2023-04-08T11:26:27+02:00", "data": {"n": 1}}
                {"timestamp": "2023-04-08T09:26:28.5Z", "data": {"n": 2}}
                {"timestamp": "2023-04-08T00:26:29.123456789-09:00", "data": {"n": 3}}
                {"timestamp": "2023-04-08T09:26:30.000000400Z", "data": {"n": 4}}
                {"timestamp": 1680945991.0000006, "data": {"n": 5}}
                {"timestamp": 1680945992.250, "data": {"n": 6}}
                {"timestamp": 1680945993.000, "data": {"n": 7}}
                {"timestamp": "2023-04-08t09:26:34z", "data": {"n": 8}}
                {"timestamp": 1.680945995e9, "data": {"n": 9}}
                """), 9, 0);

        // Integers where whole (an Integer, not 1680945990.0), otherwise at most 6 fraction digits.
        get(timeline(key) + "/events").statusCode(200)
                .body("items.data.n", contains(1, 2, 3, 4, 5, 6, 7, 8, 9))
                .body("items.timestamp", contains(1680945987, new BigDecimal("1680945988.5"),
                        new BigDecimal("1680945989.123457"), 1680945990, new BigDecimal("1680945991.000001"),
                        new BigDecimal("1680945992.25"), 1680945993, 1680945994, 1680945995));
        get(timeline(key)).statusCode(200)
                .body("first", equalTo(1680945987))
                .body("last", equalTo(1680945995));
    }

    @Test
    void emptyArrayAndEmptyNdjsonAreAcceptedWithZero() {
        String key = uniqueKey("empty");
        replied(ingest(key, JSON, "[]"), 0, 0);
        replied(ingest(key, JSON, " [ ] \n"), 0, 0);
        replied(ingest(key, NDJSON, ""), 0, 0);
        replied(ingest(key, NDJSON, "\n  \n\r\n"), 0, 0);
        replied(post("/events", JSON, "[]"), 0, 0);
        replied(post("/events", NDJSON, ""), 0, 0);

        problem(get(timeline(key)), 404);
    }

    @Test
    void timelineFieldMustEqualTheKeyInThePath() {
        String key = uniqueKey("path-key");
        String other = uniqueKey("other-key");
        problem(ingest(key, JSON, """
                {"timeline": "%s", "timestamp": 1, "data": {}}""".formatted(other)), 400)
                .body("errors.at", contains("body"));
        problem(ingest(key, NDJSON, """
                {"timeline": "%s", "timestamp": 1, "data": {}}
                {"timeline": "%s", "timestamp": 2, "data": {}}
                """.formatted(key, other)), 400)
                .body("errors.at", contains("line 2"));
        problem(get(timeline(key)), 404);
        problem(get(timeline(other)), 404);

        replied(ingest(key, JSON, """
                {"timeline": "%s", "timestamp": 1, "data": {}}""".formatted(key)), 1, 0);
    }
}
