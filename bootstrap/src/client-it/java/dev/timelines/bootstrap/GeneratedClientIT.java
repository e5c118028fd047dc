package dev.timelines.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.timelines.client.ApiClient;
import dev.timelines.client.ApiException;
import dev.timelines.client.api.TimelineApi;
import dev.timelines.client.model.Event;
import dev.timelines.client.model.EventTimestamp;
import dev.timelines.client.model.Events;
import dev.timelines.client.model.IngestIntoTimelineRequest;
import dev.timelines.client.model.Ingested;
import dev.timelines.client.model.PointPage;
import dev.timelines.client.model.PointPairs;
import dev.timelines.client.model.TransitionItem;
import dev.timelines.client.model.TransitionPage;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed example through a Java client that the build generated from the OpenAPI document (bootstrap/pom.xml,
 * openapi-generator), against the packaged service: the document served at /q/openapi is the one the client was
 * generated from, and the client ingests, reads and is refused as the document says.
 */
class GeneratedClientIT {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final long[] SEED_TIMESTAMPS = {1680945987, 1680945989, 1680946010, 1680946015};
    private static final String[] SEED_KEYS = {"start", "wait", "wait", "end"};

    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void theSeedExampleThroughTheGeneratedClient() throws Exception {
        Path jar = Path.of(System.getProperty("timelines.jar", "target/quarkus-app/quarkus-run.jar"));
        Path document = Path.of(System.getProperty("timelines.openapi", "target/openapi/openapi.json"));
        try (ServiceProcess service = ServiceProcess.start(jar, dir.resolve("data"), dir.resolve("service.log"),
                START_TIMEOUT)) {
            assertEquals(json.readTree(Files.readString(document)), served(service),
                    "the client must be generated from the document the service serves");

            TimelineApi timeline = new TimelineApi(client(service));
            ingestsTheSeed(timeline);
            readsTheChanges(timeline);
            readsThePairs(timeline);
            readsTheTransitions(timeline);
            isRefusedWithAProblem(timeline);
        }
    }

    private void ingestsTheSeed(TimelineApi timeline) throws ApiException {
        Events events = new Events();
        for (int i = 0; i < SEED_TIMESTAMPS.length; i++) {
            events.add(new Event()
                    .timestamp(new EventTimestamp(BigDecimal.valueOf(SEED_TIMESTAMPS[i])))
                    .data(Map.of("key", SEED_KEYS[i])));
        }
        Ingested ingested = timeline.ingestIntoTimeline(TimelineApi.APIIngestIntoTimelineRequest.newBuilder()
                .key("seed")
                .ingestIntoTimelineRequest(new IngestIntoTimelineRequest(events))
                .build());
        assertEquals(4, ingested.getAccepted());
        assertEquals(0, ingested.getDuplicates());
    }

    private void readsTheChanges(TimelineApi timeline) throws ApiException {
        PointPage changes = timeline.getHistory(TimelineApi.APIGetHistoryRequest.newBuilder()
                .key("seed").attribute("key").mode("changes").build()).getPointPage();
        assertEquals(List.of(1680945987L, 1680945989L, 1680946015L),
                changes.getItems().stream().map(point -> point.getTimestamp().longValueExact()).toList());
        assertEquals(List.of("start", "wait", "end"),
                changes.getItems().stream().map(point -> point.getValue()).toList());
        assertNull(changes.getNext());
    }

    private void readsThePairs(TimelineApi timeline) throws ApiException {
        PointPairs pairs = timeline.getHistory(TimelineApi.APIGetHistoryRequest.newBuilder()
                .key("seed").attribute("key").mode("all").format("pairs").build()).getPointPairs();
        assertEquals(SEED_TIMESTAMPS.length, pairs.size());
        for (int i = 0; i < SEED_TIMESTAMPS.length; i++) {
            assertEquals(SEED_TIMESTAMPS[i], ((Number) pairs.get(i).get(0)).longValue());
            assertEquals(SEED_KEYS[i], pairs.get(i).get(1));
        }
    }

    private void readsTheTransitions(TimelineApi timeline) throws ApiException {
        TransitionPage page = timeline.listTimelineTransitions(
                TimelineApi.APIListTimelineTransitionsRequest.newBuilder()
                        .key("seed").attribute("key").entries(true).build());
        List<TransitionItem> items = page.getItems();
        assertEquals(List.of(true, false, false), items.stream().map(TransitionItem::getEntry).toList());
        assertEquals("start", items.get(0).getTo());
        assertNull(items.get(0).getFrom());
        assertNull(items.get(0).getDuration());
        assertEquals("start", items.get(1).getFrom());
        assertEquals("wait", items.get(1).getTo());
        assertEquals(0, BigDecimal.valueOf(2).compareTo(items.get(1).getDuration()));
        assertEquals("wait", items.get(2).getFrom());
        assertEquals("end", items.get(2).getTo());
        assertEquals(0, BigDecimal.valueOf(26).compareTo(items.get(2).getDuration()));
        assertEquals(0, BigDecimal.valueOf(1680946015).compareTo(items.get(2).getAt()));
        assertNull(page.getNext());
    }

    /** Before the first change point there is no state: the documented 404, an RFC 9457 problem. */
    private void isRefusedWithAProblem(TimelineApi timeline) throws Exception {
        ApiException refused = assertThrows(ApiException.class, () -> timeline.getState(
                TimelineApi.APIGetStateRequest.newBuilder().key("seed").attribute("key").at("1680945000").build()));
        assertEquals(404, refused.getCode());
        assertTrue(refused.getResponseHeaders().firstValue("Content-Type").orElse("")
                .startsWith("application/problem+json"));
        JsonNode problem = json.readTree(refused.getResponseBody());
        assertEquals("https://timelines.dev/problems/not-found", problem.get("type").asText());
        assertEquals(404, problem.get("status").asInt());
    }

    /** The generated client, refusing fields its models do not know: a reply must be what the document says. */
    private static ApiClient client(ServiceProcess service) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(service.uri("/").toString().replaceAll("/$", ""));
        client.setObjectMapper(ApiClient.createDefaultObjectMapper()
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true));
        return client;
    }

    private JsonNode served(ServiceProcess service) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(service.uri("/q/openapi?format=json")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode());
        return json.readTree(response.body());
    }
}
