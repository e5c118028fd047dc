package dev.timelines.bootstrap;

import static dev.timelines.bootstrap.Api.JSON;
import static dev.timelines.bootstrap.Api.get;
import static dev.timelines.bootstrap.Api.post;
import static dev.timelines.bootstrap.Api.timeline;
import static dev.timelines.bootstrap.Api.uniqueKey;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** docs/operations.md, Retention: with max-age set, quiet timelines go on their own, the others stay. */
@QuarkusTest
@TestProfile(RetentionScheduleTest.EverySecond.class)
class RetentionScheduleTest {

    /** The memory storage, retention every second for timelines quiet for more than 1000 days. */
    public static class EverySecond implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("timelines.storage", "memory", "quarkus.http.test-port", "0",
                    "timelines.retention.max-age", "1000d", "timelines.retention.interval", "1s");
        }
    }

    @Test
    void aTimelineQuietForLongerThanMaxAgeIsDeletedWithinAnIntervalAndARecentOneStays() throws Exception {
        String quiet = uniqueKey("quiet");
        String recent = uniqueKey("recent");
        long now = Instant.now().getEpochSecond();
        post(timeline(quiet) + "/events", JSON, "{\"timestamp\": " + (now - 1001 * 86_400L) + ", \"data\": {}}")
                .statusCode(200);
        post(timeline(recent) + "/events", JSON, "[{\"timestamp\": " + (now - 2000 * 86_400L) + ", \"data\": {}},"
                + " {\"timestamp\": " + (now - 999 * 86_400L) + ", \"data\": {}}]").statusCode(200);

        long deadline = System.nanoTime() + 10_000_000_000L;
        while (get(timeline(quiet)).extract().statusCode() == 200 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }

        assertEquals(404, get(timeline(quiet)).extract().statusCode(), "deleted by retention");
        assertEquals(200, get(timeline(recent)).extract().statusCode(), "its latest event is recent enough");
    }
}
