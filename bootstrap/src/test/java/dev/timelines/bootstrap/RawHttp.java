package dev.timelines.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Requests through the JDK's HTTP client, for tests that send many of them or bodies rest-assured cannot send
 * (hostile bytes, chunked streams): rest-assured's per-request cost would take them far past their time budget.
 * A request that gets no answer within {@link #TIMEOUT} fails the test: the service must never hang.
 */
final class RawHttp {

    static final Duration TIMEOUT = Duration.ofSeconds(60);

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final ObjectMapper JSON_READER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private RawHttp() {
    }

    /** A reply as the client saw it. */
    record Response(int statusCode, String contentType, String asString, java.net.http.HttpHeaders headers) {

        JsonNode tree() {
            try {
                return JSON_READER.readTree(asString);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + abbreviate(asString), e);
            }
        }

        Json json() {
            return new Json(tree());
        }

        List<String> errorsAt() {
            List<String> at = new ArrayList<>();
            tree().path("errors").forEach(error -> at.add(error.path("at").asText()));
            return at;
        }

        /** The problem's detail and every error message, for asserting what a refusal names. */
        String problemText() {
            StringBuilder text = new StringBuilder(tree().path("detail").asText());
            tree().path("errors").forEach(error -> text.append('\n').append(error.path("message").asText()));
            return text.toString();
        }
    }

    /** Field access on a JSON reply, failing loudly when the field is not there. */
    record Json(JsonNode node) {
        int getInt(String field) {
            assertTrue(node.path(field).isInt(), field + " in " + node);
            return node.path(field).asInt();
        }

        String getString(String field) {
            assertTrue(node.path(field).isTextual(), field + " in " + node);
            return node.path(field).asText();
        }
    }

    static Response get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    static Response post(String path, String contentType, byte[] body) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    static URI uri(String path) {
        return URI.create("http://localhost:" + RestAssured.port + path);
    }

    static Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.timeout(TIMEOUT).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(null), response.body(), response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** No 5xx; a 4xx is application/problem+json with type, title, status and detail. */
    static void assertSafe(Response response, String what) {
        int status = response.statusCode();
        String context = what + " -> " + status + " " + abbreviate(response.asString());
        assertTrue(status < 500, context);
        if (status >= 400) {
            String contentType = response.contentType();
            assertTrue(contentType != null && contentType.startsWith(Api.PROBLEM), "not a problem: " + context);
            JsonNode problem = response.tree();
            assertEquals(status, problem.path("status").asInt(), context);
            for (String member : List.of("type", "title", "detail")) {
                assertTrue(problem.path(member).isTextual() && !problem.path(member).asText().isBlank(),
                        member + " missing: " + context);
            }
        }
    }

    static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "...";
    }
}
