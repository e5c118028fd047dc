package dev.timelines.bootstrap;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

/** Readiness follows the PostgreSQL server: the storage check and Quarkus' datasource check. */
@QuarkusTest
@TestProfile(PostgresStorage.class)
class PostgresReadinessTest {

    @Test
    void theServiceIsReadyWhileTheServerAnswers() {
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("storage"))
                .body("checks.name", hasItem("Database connections health check"));
    }
}
