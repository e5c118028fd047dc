package dev.timelines.bootstrap;

import static dev.timelines.bootstrap.Api.JSON;
import static dev.timelines.bootstrap.Api.post;
import static dev.timelines.bootstrap.Api.timeline;
import static dev.timelines.bootstrap.Api.uniqueKey;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

/**
 * The metrics of docs/operations.md that depend on the storage, on the volatile store: the size gauges are there,
 * the journal's fsync histogram is not (ObservabilityTest: it is on the journal).
 */
@QuarkusTest
@TestProfile(MemoryStorage.class)
class MemoryStorageMetricsTest {

    @Test
    void withoutAJournalThereIsNoFsyncHistogram() {
        post(timeline(uniqueKey("no-fsync")) + "/events", JSON, "{\"timestamp\": 1, \"data\": {}}").statusCode(200);

        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("timelines_store_events "))
                .body(not(containsString("timelines_journal_fsync")));
    }
}
