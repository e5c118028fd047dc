package dev.timelines.bootstrap;

import static dev.timelines.bootstrap.Api.JSON;
import static dev.timelines.bootstrap.Api.post;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

/**
 * What the service answers while its storage is being opened (docs/operations.md, Start), on storage whose opening
 * the test holds back: alive, neither started nor ready, 503 for what needs storage and the usual answers for what
 * does not; then, once open, ready and answering.
 */
@QuarkusTest
@TestProfile(HeldStorage.class)
@HeldStorage.NotAwaited
class StorageOpeningTest {

    @Test
    void httpAnswersWhileStorageOpensAndServesItOnceOpen() throws InterruptedException {
        try {
            given().when().get("/q/health/live").then().statusCode(200);
            given().when().get("/q/health/ready").then().statusCode(503)
                    .body("checks.find { it.name == 'storage' }.status", equalTo("DOWN"))
                    .body("checks.find { it.name == 'storage' }.data.opening", equalTo(true));
            given().when().get("/q/health/started").then().statusCode(503)
                    .body("checks.find { it.name == 'storage' }.status", equalTo("DOWN"));

            Api.problem(Api.get("/timelines/order-1"), 503)
                    .header("Retry-After", "5")
                    .body("type", endsWith("/storage-unavailable"))
                    .body("detail", containsString("starting"));
            Api.problem(post("/timelines/order-1/events", JSON, "{\"timestamp\": 1, \"data\": {\"status\": \"new\"}}"),
                    503);
            Api.problem(Api.get("/transitions?attribute=status"), 503);
            Api.problem(Api.get("/timelines?limit=1"), 503);
            // What needs no storage is answered as ever.
            Api.problem(Api.get("/timelines?limit=0"), 400);
            Api.problem(Api.get("/no/such/path"), 404);
            given().when().get("/q/metrics").then().statusCode(200)
                    .body(not(containsString("timelines_store_events")));
        } finally {
            HeldStorage.open();
        }

        long deadline = System.nanoTime() + 30_000_000_000L;
        while (given().when().get("/q/health/ready").then().extract().statusCode() != 200) {
            assertTrue(System.nanoTime() < deadline, "not ready 30 s after storage was let open");
            Thread.sleep(20);
        }
        given().when().get("/q/health/started").then().statusCode(200);
        post("/timelines/order-1/events", JSON, "{\"timestamp\": 1, \"data\": {\"status\": \"new\"}}").statusCode(200);
        Api.get("/timelines/order-1").statusCode(200).body("events", equalTo(1));
        given().when().get("/q/metrics").then().statusCode(200).body(containsString("timelines_store_events 1.0"));
    }
}
