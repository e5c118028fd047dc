package dev.timelines.bootstrap;

import static dev.timelines.bootstrap.Api.JSON;
import static dev.timelines.bootstrap.Api.NDJSON;
import static dev.timelines.bootstrap.Api.get;
import static dev.timelines.bootstrap.Api.post;
import static dev.timelines.bootstrap.Api.timeline;
import static dev.timelines.bootstrap.Api.uniqueKey;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What operations watch (docs/operations.md, Health, metrics, logs), on the default storage, the journal: the
 * Prometheus metrics the service adds, and readiness.
 */
@QuarkusTest
class ObservabilityTest {

    @Test
    void ingestedEventsAndDuplicatesAreCounted() {
        double ingested = metric("timelines_events_ingested_total");
        double duplicates = metric("timelines_events_duplicates_total");

        post(timeline(uniqueKey("counted")) + "/events", NDJSON, """
                {"timestamp": 1, "data": {"status": "new"}, "id": "e1"}
                {"timestamp": 2, "data": {"status": "paid"}, "id": "e1"}
                {"timestamp": 3, "data": {"status": "paid"}}
                """).statusCode(200);

        assertEquals(ingested + 2, metric("timelines_events_ingested_total"));
        assertEquals(duplicates + 1, metric("timelines_events_duplicates_total"));
    }

    @Test
    void refusedRequestsAreCountedByReason() {
        String invalid = "timelines_requests_rejected_total{reason=\"invalid-request\"}";
        String notFound = "timelines_requests_rejected_total{reason=\"not-found\"}";
        post(timeline(uniqueKey("warm-up")) + "/events", JSON, "{}").statusCode(400);
        get(timeline(uniqueKey("nowhere"))).statusCode(404);
        double invalidBefore = metric(invalid);
        double notFoundBefore = metric(notFound);

        post(timeline(uniqueKey("refused")) + "/events", JSON, "{\"timestamp\": 1}").statusCode(400);
        get(timeline(uniqueKey("nowhere"))).statusCode(404);
        get(timeline(uniqueKey("nowhere"))).statusCode(404);

        assertEquals(invalidBefore + 1, metric(invalid));
        assertEquals(notFoundBefore + 2, metric(notFound));
    }

    @Test
    void storeSizeGaugesFollowWritesAndDeletes() {
        double timelines = metric("timelines_store_timelines");
        double events = metric("timelines_store_events");
        String key = uniqueKey("sized");

        post(timeline(key) + "/events", JSON, "[{\"timestamp\": 1, \"data\": {}}, {\"timestamp\": 2, \"data\": {}}]")
                .statusCode(200);
        assertEquals(timelines + 1, metric("timelines_store_timelines"));
        assertEquals(events + 2, metric("timelines_store_events"));

        given().when().delete(timeline(key)).then().statusCode(204);
        assertEquals(timelines, metric("timelines_store_timelines"));
        assertEquals(events, metric("timelines_store_events"));
    }

    @Test
    void requestLatencyHasHistogramBucketsPerEndpointTemplate() {
        post(timeline(uniqueKey("timed")) + "/events", JSON, "{\"timestamp\": 1, \"data\": {}}").statusCode(200);

        String metrics = metrics();
        assertTrue(Pattern.compile("http_server_requests_seconds_bucket\\{[^}]*uri=\"/timelines/\\{key}/events\"")
                .matcher(metrics).find(), "a histogram per endpoint template");
    }

    @Test
    void journalFsyncsAreTimed() {
        double fsyncs = metric("timelines_journal_fsync_seconds_count");
        post(timeline(uniqueKey("synced")) + "/events", JSON, "{\"timestamp\": 1, \"data\": {}}").statusCode(200);
        assertTrue(metric("timelines_journal_fsync_seconds_count") > fsyncs, "fsync=always syncs before the reply");
    }

    @Test
    void readinessReportsTheStore() {
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'storage' }.status", equalTo("UP"));
    }

    private static String metrics() {
        return given().when().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /** The value of one series (name and labels exactly as Prometheus shows them); 0 before it first appears. */
    private static double metric(String series) {
        Matcher line = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(metrics());
        return line.find() ? Double.parseDouble(line.group(1)) : 0;
    }
}
