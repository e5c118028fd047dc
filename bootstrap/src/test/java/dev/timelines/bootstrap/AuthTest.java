package dev.timelines.bootstrap;

import static dev.timelines.bootstrap.Api.JSON;
import static dev.timelines.bootstrap.Api.problem;
import static dev.timelines.bootstrap.Api.timeline;
import static dev.timelines.bootstrap.Api.uniqueKey;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Authentication switched on (docs/operations.md, Authentication), through the real HTTP stack: bearer API keys
 * and JWTs, the roles read and write, refusals as problems, and operations endpoints open.
 */
@QuarkusTest
@TestProfile(AuthEnabled.class)
class AuthTest {

    private static final String EVENT = "{\"timestamp\": 1, \"data\": {\"status\": \"new\"}}";

    @Test
    void anonymousRequestsAreRefusedWith401ProblemsAndABearerChallenge() {
        String key = uniqueKey("anonymous");
        problem(write(key, null), 401).header("WWW-Authenticate", equalTo("Bearer"));
        problem(read(key, null), 401);
        problem(given().when().get("/transitions?attribute=status").then(), 401);
    }

    @Test
    void aReadKeyCanReadButCannotWrite() {
        String key = uniqueKey("read-key");
        write(key, AuthEnabled.WRITE_KEY).statusCode(200);

        read(key, AuthEnabled.READ_KEY).statusCode(200).body("events", equalTo(1));
        problem(write(key, AuthEnabled.READ_KEY), 403);
        problem(given().auth().oauth2(AuthEnabled.READ_KEY).when().delete(timeline(key)).then(), 403);
        read(key, AuthEnabled.READ_KEY).statusCode(200).body("events", equalTo(1));
    }

    @Test
    void theTransitionsStreamNeedsTheReadRole() throws Exception {
        String stream = "http://localhost:" + RestAssured.port + "/transitions/stream?attribute=status";
        try (SseClient anonymous = SseClient.open(stream, Map.of())) {
            assertEquals(401, anonymous.status());
        }
        try (SseClient reader = SseClient.open(stream, Map.of("Authorization", "Bearer " + AuthEnabled.READ_KEY))) {
            assertEquals(200, reader.status());
            reader.awaitConnected();
        }
    }

    @Test
    void aWriteKeyCanWriteReadAndDelete() {
        String key = uniqueKey("write-key");
        write(key, AuthEnabled.WRITE_KEY).statusCode(200).body("accepted", equalTo(1));
        read(key, AuthEnabled.WRITE_KEY).statusCode(200).body("events", equalTo(1));
        given().auth().oauth2(AuthEnabled.WRITE_KEY).when().delete(timeline(key)).then().statusCode(204);
    }

    @Test
    void anUnknownKeyIsRefusedLikeNoKey() {
        String key = uniqueKey("unknown-key");
        problem(write(key, "reader-s3cre"), 401);
        problem(read(key, AuthEnabled.READ_KEY + "x"), 401);
    }

    @Test
    void aJwtSignedByTheConfiguredKeyCarriesItsGroupsAsRoles() throws Exception {
        PrivateKey signer = KeyUtils.readPrivateKey("jwt-test-private.pem");
        String writer = Jwt.issuer(AuthEnabled.ISSUER).subject("ci-writer").groups(Set.of("write")).sign(signer);
        String reader = Jwt.issuer(AuthEnabled.ISSUER).subject("dashboard").groups(Set.of("read")).sign(signer);
        String key = uniqueKey("jwt");

        write(key, writer).statusCode(200).body("accepted", equalTo(1));
        read(key, writer).statusCode(200);
        read(key, reader).statusCode(200).body("events", equalTo(1));
        problem(write(key, reader), 403);
    }

    @Test
    void aJwtThatDoesNotCheckOutIsRefused() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        PrivateKey stranger = generator.generateKeyPair().getPrivate();
        PrivateKey signer = KeyUtils.readPrivateKey("jwt-test-private.pem");
        String key = uniqueKey("bad-jwt");

        problem(write(key, Jwt.issuer(AuthEnabled.ISSUER).groups(Set.of("write")).sign(stranger)), 401);
        problem(write(key, Jwt.issuer("https://elsewhere.test").groups(Set.of("write")).sign(signer)), 401);
        problem(write(key, Jwt.issuer(AuthEnabled.ISSUER).groups(Set.of("write")).expiresAt(1).sign(signer)), 401);
    }

    @Test
    void healthAndMetricsStayOpen() {
        given().when().get("/q/health/ready").then().statusCode(200);
        given().when().get("/q/health/live").then().statusCode(200);
        given().when().get("/q/metrics").then().statusCode(200);
    }

    private static ValidatableResponse write(String key, String token) {
        return authorized(token).contentType(JSON).body(EVENT).when().post(timeline(key) + "/events").then();
    }

    private static ValidatableResponse read(String key, String token) {
        return authorized(token).when().get(timeline(key)).then();
    }

    private static RequestSpecification authorized(String token) {
        return token == null ? Api.request() : Api.request().auth().oauth2(token);
    }
}
