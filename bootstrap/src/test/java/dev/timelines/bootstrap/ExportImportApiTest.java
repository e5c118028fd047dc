package dev.timelines.bootstrap;

import static dev.timelines.bootstrap.Api.JSON;
import static dev.timelines.bootstrap.Api.NDJSON;
import static dev.timelines.bootstrap.Api.encode;
import static dev.timelines.bootstrap.Api.get;
import static dev.timelines.bootstrap.Api.post;
import static dev.timelines.bootstrap.Api.problem;
import static dev.timelines.bootstrap.Api.request;
import static dev.timelines.bootstrap.Api.timeline;
import static dev.timelines.bootstrap.Api.uniqueKey;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * docs/api.md, "Export and import" and "Retention", over HTTP on the journal (a subclass runs it on PostgreSQL). The
 * store is shared with other tests: each test looks only at its own timelines, and retention only reaches events of
 * the years 0002 and 0003, which no other test writes.
 */
@QuarkusTest
class ExportImportApiTest {

    private static final ObjectMapper JSON_LINES = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private static String exportText(String path) {
        return request().accept(NDJSON).when().get(path).then().statusCode(200)
                .header("Content-Type", startsWith(NDJSON)).extract().asString();
    }

    private static List<JsonNode> lines(String text) throws Exception {
        assertTrue(text.isEmpty() || text.endsWith("\n"), "every line ends with a newline");
        List<JsonNode> lines = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.isEmpty()) {
                lines.add(JSON_LINES.readTree(line));
            }
        }
        return lines;
    }

    private static List<JsonNode> exportedOf(List<JsonNode> lines, String... keys) {
        List<String> wanted = List.of(keys);
        return lines.stream().filter(line -> wanted.contains(line.get("timeline").asText())).toList();
    }

    private static long highestSeq() throws Exception {
        return lines(exportText("/events")).stream().mapToLong(line -> line.get("seq").asLong()).max().orElse(0);
    }

    private static ValidatableResponse importLines(String ndjson) {
        return post("/events/import", NDJSON, ndjson);
    }

    @Test
    void theExportHasEveryEventInSeqOrderOneJsonObjectPerLine() throws Exception {
        String first = uniqueKey("export-a");
        String second = uniqueKey("export-b");
        post("/events", NDJSON, """
                {"timeline": "%s", "timestamp": 30, "id": "e-1", "data": {"status": "paid", "amount": 25.5}}
                {"timeline": "%s", "timestamp": 20, "data": {"status": "created"}}
                {"timeline": "%s", "timestamp": 10.000001, "data": {"status": "created"}}
                """.formatted(first, second, first)).statusCode(200);

        List<JsonNode> all = lines(exportText("/events"));

        for (int i = 1; i < all.size(); i++) {
            assertTrue(all.get(i).get("seq").asLong() > all.get(i - 1).get("seq").asLong(), "seq order at line " + i);
        }
        List<JsonNode> mine = exportedOf(all, first, second);
        assertEquals(List.of(first, second, first), mine.stream().map(line -> line.get("timeline").asText()).toList());
        assertEquals(List.of("timeline", "seq", "received", "id", "timestamp", "data"),
                fieldNames(mine.get(0)), "the fields, in this order");
        assertEquals(List.of("timeline", "seq", "received", "timestamp", "data"), fieldNames(mine.get(1)));
        assertEquals("e-1", mine.get(0).get("id").asText());
        assertEquals(new BigDecimal("25.5"), mine.get(0).get("data").get("amount").decimalValue());
        assertEquals(new BigDecimal("10.000001"), mine.get(2).get("timestamp").decimalValue());
        JsonNode page = JSON_LINES.readTree(get(timeline(first) + "/events").statusCode(200).extract().asString());
        assertEquals(page.get("items").get(1).get("received"), mine.get(0).get("received"), "received as stored");
        assertEquals(page.get("items").get(1).get("seq"), mine.get(0).get("seq"));
    }

    private static List<String> fieldNames(JsonNode line) {
        List<String> names = new ArrayList<>();
        line.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void aTimelineExportsAsNdjsonWhenAskedAndPagesAsJsonOtherwise() throws Exception {
        String key = uniqueKey("export one/timeline");
        String other = uniqueKey("export-other");
        post("/events", NDJSON, """
                {"timeline": "%s", "timestamp": 30, "data": {"n": 1}}
                {"timeline": "%s", "timestamp": 20, "data": {"n": 2}}
                {"timeline": "%s", "timestamp": 10, "data": {"n": 3}}
                """.formatted(key, other, key)).statusCode(200);

        List<JsonNode> lines = lines(exportText(timeline(key) + "/events"));

        assertEquals(List.of(1, 3), lines.stream().map(line -> line.get("data").get("n").asInt()).toList());
        request().when().get(timeline(key) + "/events").then().statusCode(200)
                .header("Content-Type", startsWith(JSON)).body("items", hasSize(2)).body("items[0].data.n", equalTo(3));
        request().accept("*/*").when().get(timeline(key) + "/events").then().statusCode(200)
                .header("Content-Type", startsWith(JSON));
        request().accept(JSON).when().get(timeline(key) + "/events").then().statusCode(200)
                .header("Content-Type", startsWith(JSON));
    }

    @Test
    void anUnknownTimelineExportsAs404AndTheStoreExportAnswersNdjsonOnly() {
        problem(request().accept(NDJSON).when().get(timeline(uniqueKey("nobody")) + "/events").then(), 404)
                .body("type", equalTo("https://timelines.dev/problems/not-found"));
        problem(request().accept(JSON).when().get("/events").then(), 406);
    }

    @Test
    void anImportKeepsSeqReceivedAndIdAndLaterSeqsFollowIt() throws Exception {
        String key = uniqueKey("imported");
        long seq = highestSeq() + 1000;

        importLines("""
                {"timeline": "%s", "seq": %d, "received": 1700000000.5, "id": "x-1", "timestamp": 20, "data": {"n": 1}}

                {"timeline": "%s", "seq": %d, "received": 1700000001, "timestamp": 10, "data": {"n": 2}}
                """.formatted(key, seq, key, seq + 5)).statusCode(200)
                .body("accepted", equalTo(2)).body("duplicates", equalTo(0));
        post(timeline(key) + "/events", JSON, "{\"timestamp\": 30, \"data\": {\"n\": 3}}").statusCode(200);

        List<JsonNode> lines = lines(exportText(timeline(key) + "/events"));
        assertEquals(List.of(seq, seq + 5), lines.subList(0, 2).stream().map(line -> line.get("seq").asLong()).toList());
        assertEquals(new BigDecimal("1700000000.5"), lines.get(0).get("received").decimalValue());
        assertEquals("x-1", lines.get(0).get("id").asText());
        assertTrue(lines.get(2).get("seq").asLong() > seq + 5, "the next ingest's seq follows the import");
    }

    @Test
    void anImportAtOrBelowTheHighestSeqIsAConflictAndStoresNothing() throws Exception {
        String key = uniqueKey("conflict");
        post(timeline(uniqueKey("conflict-existing")) + "/events", JSON, "{\"timestamp\": 1, \"data\": {}}")
                .statusCode(200);
        long highest = highestSeq();

        problem(importLines("{\"timeline\": \"%s\", \"seq\": %d, \"received\": 1, \"timestamp\": 1, \"data\": {}}\n"
                .formatted(key, highest)), 409)
                .body("type", equalTo("https://timelines.dev/problems/seq-conflict"))
                .body("detail", containsString("seq " + highest + " is not above"))
                .body("errors[0].at", equalTo("seq " + highest));
        problem(get(timeline(key)), 404);
    }

    @Test
    void anImportNamesEveryBadLineAndStoresNothing() {
        String key = uniqueKey("bad-import");

        problem(importLines("""
                {"timeline": "%s", "received": 1, "timestamp": 1, "data": {}}
                {"timeline": "%s", "seq": 0, "received": 1, "timestamp": 1, "data": {}}
                {"timeline": "%s", "seq": 9007199254740992, "received": 1, "timestamp": 1, "data": {}}
                {"timeline": "%s", "seq": 12.5, "timestamp": 1, "data": {}}
                """.formatted(key, key, key, key)), 400)
                .body("errors.at", contains("line 1", "line 2", "line 3", "line 4", "line 4"))
                .body("errors.message", contains("'seq': required",
                        "'seq': must be a whole number from 1 to 9007199254740991",
                        "'seq': must be a whole number from 1 to 9007199254740991",
                        "'seq': must be a whole number from 1 to 9007199254740991", "'received': required"));
        problem(importLines("""
                {"timeline": "%s", "seq": 9000000000000002, "received": 1, "timestamp": 1, "data": {}}
                {"timeline": "%s", "seq": 9000000000000001, "received": 1, "timestamp": 1, "data": {}}
                """.formatted(key, key)), 400)
                .body("detail", containsString("seq 9000000000000001 comes after seq 9000000000000002"));
        problem(get(timeline(key)), 404);
    }

    @Test
    void retentionDeletesTheTimelinesWhoseLatestEventIsBeforeTheMoment() {
        String quiet = uniqueKey("quiet");
        String lateButOld = uniqueKey("late-but-old");
        String active = uniqueKey("active");
        post("/events", NDJSON, """
                {"timeline": "%s", "timestamp": "0002-03-01T00:00:00Z", "data": {"n": 1}}
                {"timeline": "%s", "timestamp": "0002-06-01T00:00:00Z", "data": {"n": 1}}
                {"timeline": "%s", "timestamp": "0002-01-01T00:00:00Z", "data": {"n": 1}}
                {"timeline": "%s", "timestamp": "0002-01-01T00:00:00Z", "data": {"n": 1}}
                """.formatted(quiet, lateButOld, active, lateButOld)).statusCode(200);
        post(timeline(active) + "/events", JSON, "{\"timestamp\": \"0003-06-01T00:00:00Z\", \"data\": {\"n\": 2}}")
                .statusCode(200);

        request().when().delete("/timelines?lastEventBefore=" + encode("0003-01-01T00:00:00Z")).then()
                .statusCode(200).header("Content-Type", startsWith(JSON)).body("deleted", equalTo(2));

        problem(get(timeline(quiet)), 404);
        problem(get(timeline(lateButOld)), 404);
        get(timeline(active)).statusCode(200).body("events", equalTo(2));
        request().when().delete("/timelines?lastEventBefore=" + encode("0003-01-01T00:00:00Z")).then()
                .statusCode(200).body("deleted", equalTo(0));
    }

    @Test
    void retentionWantsAValidMoment() {
        problem(request().when().delete("/timelines").then(), 400)
                .body("errors[0].at", equalTo("lastEventBefore")).body("errors[0].message", equalTo("is required"));
        problem(request().when().delete("/timelines?lastEventBefore=yesterday").then(), 400)
                .body("errors[0].at", equalTo("lastEventBefore"));
    }
}
