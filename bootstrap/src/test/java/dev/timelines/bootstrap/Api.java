package dev.timelines.bootstrap;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.path.json.config.JsonPathConfig.NumberReturnType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Requests the HTTP tests share: rest-assured cannot encode NDJSON text by itself, so bodies go as bytes. */
final class Api {

    static final String JSON = "application/json";
    static final String NDJSON = "application/x-ndjson";
    static final String PROBLEM = "application/problem+json";

    /** Decimals read back as BigDecimal, so that 1680945987.123457 is compared exactly, not as a float. */
    private static final RestAssuredConfig EXACT_NUMBERS = RestAssured.config()
            .jsonConfig(JsonConfig.jsonConfig().numberReturnType(NumberReturnType.BIG_DECIMAL));

    private Api() {
    }

    static ValidatableResponse postNdjson(String path, String lines) {
        return given().contentType(NDJSON).body(lines.getBytes(StandardCharsets.UTF_8))
                .when().post(path).then();
    }

    static ValidatableResponse postJson(String path, String json) {
        return given().contentType(JSON).body(json.getBytes(StandardCharsets.UTF_8))
                .when().post(path).then();
    }

    /**
     * A request whose path and query go out exactly as written (callers percent-encode with {@link #encode}),
     * so that {@code %2F} in a key stays encoded; decimals in replies read back as BigDecimal.
     */
    static RequestSpecification request() {
        return given().config(EXACT_NUMBERS).urlEncodingEnabled(false);
    }

    /** Percent-encodes a path segment or query value (UTF-8; a space becomes %20, a slash %2F). */
    static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The path of a timeline, its key percent-encoded. */
    static String timeline(String key) {
        return "/timelines/" + encode(key);
    }

    /** A key no other test uses: the store is shared by every test of one Quarkus run. */
    static String uniqueKey(String label) {
        return label + "-" + UUID.randomUUID();
    }

    static ValidatableResponse post(String path, String contentType, byte[] body) {
        return request().contentType(contentType).body(body).when().post(path).then();
    }

    static ValidatableResponse post(String path, String contentType, String body) {
        return post(path, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    /** Stores NDJSON events in a timeline, expecting them all accepted. */
    static void store(String key, String ndjson) {
        post(timeline(key) + "/events", NDJSON, ndjson).statusCode(200).body("duplicates", equalTo(0));
    }

    static ValidatableResponse get(String path) {
        return request().when().get(path).then();
    }

    /** Expects an RFC 9457 problem with the given status and every member docs/api.md names. */
    static ValidatableResponse problem(ValidatableResponse response, int status) {
        return response.statusCode(status)
                .header("Content-Type", startsWith(PROBLEM))
                .body("type", not(emptyOrNullString()))
                .body("title", not(emptyOrNullString()))
                .body("status", equalTo(status))
                .body("detail", not(emptyOrNullString()));
    }
}
