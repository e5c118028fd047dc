package dev.timelines.bootstrap;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

/** CORS is off unless configured: no response lets a page of another origin read it. */
@QuarkusTest
@TestProfile(MemoryStorage.class)
class CorsOffTest {

    @Test
    void byDefaultNothingIsAllowedAcrossOrigins() {
        CorsTest.preflight("https://dashboard.example.com").when().options("/timelines/t/events").then()
                .header("Access-Control-Allow-Origin", nullValue())
                .header("Access-Control-Allow-Methods", nullValue());
        given().header("Origin", "https://dashboard.example.com").when().get("/timelines?limit=1").then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", nullValue());
    }
}
