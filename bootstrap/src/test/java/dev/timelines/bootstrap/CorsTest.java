package dev.timelines.bootstrap;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsStringIgnoringCase;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

/**
 * CORS configured for one origin (docs/operations.md, CORS), with authentication on: a browser page of that origin
 * may call the API, its preflight needing no token; a page of any other origin may not. {@link CorsOffTest}: without
 * the setting, no CORS at all.
 */
@QuarkusTest
@TestProfile(CorsAllowed.class)
class CorsTest {

    @Test
    void aPreflightFromTheConfiguredOriginIsAllowedWithoutAToken() {
        preflight(CorsAllowed.DASHBOARD).when().options("/timelines/t/events").then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo(CorsAllowed.DASHBOARD))
                .header("Access-Control-Allow-Methods", containsStringIgnoringCase("POST"))
                .header("Access-Control-Allow-Headers", containsStringIgnoringCase("content-encoding"))
                .header("Access-Control-Allow-Headers", containsStringIgnoringCase("authorization"))
                .header("Access-Control-Max-Age", equalTo("86400"));
    }

    @Test
    void aPreflightFromAnotherOriginIsRefused() {
        preflight("https://elsewhere.example.net").when().options("/timelines/t/events").then()
                .statusCode(403)
                .header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void aRequestFromTheConfiguredOriginIsAnsweredForTheBrowser() {
        given().header("Origin", CorsAllowed.DASHBOARD).auth().oauth2(CorsAllowed.READ_KEY)
                .when().get("/timelines?limit=1").then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo(CorsAllowed.DASHBOARD))
                .header("Access-Control-Expose-Headers", containsStringIgnoringCase("Retry-After"));
        given().header("Origin", "https://elsewhere.example.net").auth().oauth2(CorsAllowed.READ_KEY)
                .when().get("/timelines?limit=1").then()
                .statusCode(403)
                .header("Access-Control-Allow-Origin", nullValue());
    }

    static RequestSpecification preflight(String origin) {
        return given()
                .header("Origin", origin)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type,content-encoding,authorization");
    }
}
