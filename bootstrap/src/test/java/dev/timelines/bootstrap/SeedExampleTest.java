package dev.timelines.bootstrap;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SeedExampleTest {

    private static final String SEED = """
            {"timestamp": 1680945987, "data": {"key": "start"}}
            {"timestamp": 1680945989, "data": {"key": "wait"}}
            {"timestamp": 1680946010, "data": {"key": "wait"}}
            {"timestamp": 1680946015, "data": {"key": "end"}}
            """;

    @BeforeEach
    void storeTheSeed() {
        given().delete("/timelines/seed");
        Api.postNdjson("/timelines/seed/events", SEED)
                .statusCode(200)
                .body("accepted", equalTo(4))
                .body("duplicates", equalTo(0));
    }

    @Test
    void changesViewDropsTheRepeatedWait() {
        given().queryParam("attribute", "key").queryParam("mode", "changes")
                .when().get("/timelines/seed/history")
                .then().statusCode(200)
                .body("items.timestamp", contains(1680945987, 1680945989, 1680946015))
                .body("items.value", contains("start", "wait", "end"))
                .body("next", equalTo(null));
    }

    @Test
    void allViewKeepsOnePointPerEvent() {
        given().queryParam("attribute", "key").queryParam("mode", "all")
                .when().get("/timelines/seed/history")
                .then().statusCode(200)
                .body("items.timestamp", contains(1680945987, 1680945989, 1680946010, 1680946015))
                .body("items.value", contains("start", "wait", "wait", "end"));
    }

    @Test
    void pairsFormatIsTheSeedOutputShape() {
        given().queryParam("attribute", "key").queryParam("mode", "all").queryParam("format", "pairs")
                .when().get("/timelines/seed/history")
                .then().statusCode(200)
                .contentType(ContentType.JSON)
                .body("", equalTo(List.of(
                        List.of(1680945987, "start"), List.of(1680945989, "wait"),
                        List.of(1680946010, "wait"), List.of(1680946015, "end"))));
    }

    @Test
    void transitionsFollowTheChangePoints() {
        given().queryParam("attribute", "key").queryParam("entries", "true")
                .when().get("/timelines/seed/transitions")
                .then().statusCode(200)
                .body("items.entry", contains(true, false, false))
                .body("items[1].from", equalTo("start"))
                .body("items[1].to", equalTo("wait"))
                .body("items[1].duration", equalTo(2))
                .body("items[2].from", equalTo("wait"))
                .body("items[2].duration", equalTo(26));
    }
}
