package dev.timelines.bootstrap;

import static io.restassured.RestAssured.given;

import io.restassured.response.ValidatableResponse;
import java.nio.charset.StandardCharsets;

/** Requests the HTTP tests share: rest-assured cannot encode NDJSON text by itself, so bodies go as bytes. */
final class Api {

    private Api() {
    }

    static ValidatableResponse postNdjson(String path, String lines) {
        return given().contentType("application/x-ndjson").body(lines.getBytes(StandardCharsets.UTF_8))
                .when().post(path).then();
    }

    static ValidatableResponse postJson(String path, String json) {
        return given().contentType("application/json").body(json.getBytes(StandardCharsets.UTF_8))
                .when().post(path).then();
    }
}
