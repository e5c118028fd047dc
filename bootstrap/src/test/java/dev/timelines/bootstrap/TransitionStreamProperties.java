package dev.timelines.bootstrap;

import static dev.timelines.bootstrap.Api.encode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import net.jqwik.api.sessions.JqwikSession;

/**
 * The stream's invariant over HTTP (docs/api.md, Live transitions): random batches with late events, duplicates and
 * deletions while a client reads the stream, disconnects at random points and resumes from the last id it received
 * (by Last-Event-ID or by {@code after}); folding every message received equals {@code /transitions?entries=true} with
 * the same filter at the end. The fold is strict: a transition added twice, or a retraction of one not held, fails,
 * so nothing may be lost or repeated. Scenarios are jqwik samples ({@code @Property} does not run under
 * {@code @QuarkusTest}); a failure names the seed that re-runs it with {@code -Dstream.seed=...}. Ingest goes
 * through the ingest base, the stream is read from the stream base: two service instances may share a store. Where
 * the service can be restarted, scenarios restart it too, the client resuming with the position it had before.
 */
final class TransitionStreamProperties {

    static final String SEED = System.getProperty("stream.seed", Long.toString(new Random().nextLong()));

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int KEYS = 4;
    private static final List<String> VALUES = List.of("a", "b", "c");

    /** One event of a batch: its timeline, time, value (or none: another attribute only) and optional id. */
    record Ev(int key, int timestamp, Optional<String> value, Optional<Integer> id) {
    }

    sealed interface Step permits Ingest, Delete, Reconnect, Restart {
    }

    record Ingest(List<Ev> events) implements Step {
    }

    record Delete(int key) implements Step {
    }

    /** Disconnects the client, right after the previous step (messages may be in flight), and resumes. */
    record Reconnect(boolean byHeader) implements Step {
    }

    /** Restarts the service, the client losing its connection right after the previous step, then resumes. */
    record Restart(boolean byHeader) implements Step {
    }

    /** Where the service listens, and how it restarts (when it can): a restart may move it to another port. */
    interface Service {

        String ingestBase();

        String streamBase();

        /** Stops the service and starts it again on the same store. */
        void restart() throws Exception;
    }

    record Scenario(Optional<String> from, Optional<String> to, boolean entries, List<Step> steps) {
    }

    private final Service service;

    TransitionStreamProperties(Service service) {
        this.service = service;
    }

    /** A service that is not restarted: ingest through one base, stream from the other. */
    TransitionStreamProperties(String ingestBase, String streamBase) {
        this(new Service() {
            @Override
            public String ingestBase() {
                return ingestBase;
            }

            @Override
            public String streamBase() {
                return streamBase;
            }

            @Override
            public void restart() {
                throw new UnsupportedOperationException("this service is not restarted");
            }
        });
    }

    static List<Scenario> scenarios(int count) {
        return scenarios(count, 0);
    }

    /** Scenarios with restarts at the given weight among the steps (ingests weigh 6, reconnects 2). */
    static List<Scenario> scenarios(int count, int restarts) {
        Arbitrary<Ev> event = Combinators.combine(Arbitraries.integers().between(0, KEYS - 1),
                Arbitraries.integers().between(0, 15), Arbitraries.of(VALUES).optional(0.85),
                Arbitraries.integers().between(0, 3).optional(0.4)).as(Ev::new);
        List<Tuple.Tuple2<Integer, Arbitrary<? extends Step>>> steps = new ArrayList<>(List.of(
                Tuple.of(6, event.list().ofMinSize(1).ofMaxSize(6).map(Ingest::new)),
                Tuple.of(1, Arbitraries.integers().between(0, KEYS - 1).map(Delete::new)),
                Tuple.of(2, Arbitraries.of(true, false).map(Reconnect::new))));
        if (restarts > 0) {
            steps.add(Tuple.of(restarts, Arbitraries.of(true, false).map(Restart::new)));
        }
        @SuppressWarnings("unchecked")
        Arbitrary<Step> step = Arbitraries.frequencyOf(steps.toArray(Tuple.Tuple2[]::new));
        Arbitrary<Scenario> scenario = Combinators.combine(Arbitraries.of(VALUES).optional(0.3),
                Arbitraries.of(VALUES).optional(0.3), Arbitraries.of(true, false),
                step.list().ofMinSize(5).ofMaxSize(30)).as(Scenario::new);
        List<Scenario> scenarios = new ArrayList<>();
        JqwikSession.run(SEED, () -> scenario.sampleStream().limit(count).forEach(scenarios::add));
        return scenarios;
    }

    /** Runs the scenario and checks the fold; every assertion message names the seed. */
    void check(Scenario scenario) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String attribute = "stream-" + run;
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < KEYS; i++) {
            keys.add("stream/" + run + "/" + i);
        }
        String filter = "attribute=" + encode(attribute) + scenario.from().map(v -> "&from=" + v).orElse("")
                + scenario.to().map(v -> "&to=" + v).orElse("") + (scenario.entries() ? "&entries=true" : "");
        String what = scenario + " (seed " + SEED + ")";
        Fold fold = new Fold(what);
        SseClient client = open(filter, Optional.empty(), false);
        try {
            String resumeFrom = startPosition(client);
            for (Step step : scenario.steps()) {
                if (step instanceof Ingest ingest) {
                    ingest(ingest, keys, attribute);
                } else if (step instanceof Delete delete) {
                    delete(keys.get(delete.key()));
                } else if (step instanceof Reconnect reconnect) {
                    client.close();
                    resumeFrom = fold.take(client.messages()).orElse(resumeFrom);
                    client = open(filter, Optional.of(resumeFrom), reconnect.byHeader());
                    client.awaitConnected();
                } else if (step instanceof Restart restart) {
                    service.restart();
                    client.close();
                    resumeFrom = fold.take(client.messages()).orElse(resumeFrom);
                    client = open(filter, Optional.of(resumeFrom), restart.byHeader());
                    client.awaitConnected();
                }
            }
            Map<JsonNode, Integer> expected = transitions(filter);
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (!fold.with(client.messages()).equals(expected) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        } finally {
            client.close();
        }
        fold.take(client.messages());
        assertEquals(transitions(filter), fold.held(), "the fold of the stream differs from /transitions: " + what);
    }

    private SseClient open(String filter, Optional<String> after, boolean byHeader) throws Exception {
        String url = service.streamBase() + "/transitions/stream?" + filter
                + (after.isPresent() && !byHeader ? "&after=" + after.get() : "");
        SseClient client = SseClient.open(url, after.isPresent() && byHeader
                ? Map.of("Last-Event-ID", after.get()) : Map.of());
        assertEquals(200, client.status(), url);
        return client;
    }

    /** The first comment names the position the stream starts from: where to resume before any message. */
    private static String startPosition(SseClient client) throws InterruptedException {
        client.awaitConnected();
        String first = client.comments().get(0);
        assertTrue(first.startsWith("streaming from "), first);
        return first.substring("streaming from ".length());
    }

    private void ingest(Ingest ingest, List<String> keys, String attribute) throws Exception {
        StringBuilder lines = new StringBuilder();
        for (Ev event : ingest.events()) {
            String data = event.value().map(v -> "{\"" + attribute + "\":\"" + v + "\"}").orElse("{\"other\":1}");
            lines.append("{\"timeline\":\"").append(keys.get(event.key())).append("\",\"timestamp\":")
                    .append(event.timestamp()).append(",\"data\":").append(data)
                    .append(event.id().map(id -> ",\"id\":\"e" + id + "\"").orElse("")).append("}\n");
        }
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(service.ingestBase() + "/events"))
                .header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(lines.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
    }

    private void delete(String key) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                URI.create(service.ingestBase() + "/timelines/" + encode(key))).DELETE().build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(response.statusCode() == 204 || response.statusCode() == 404, response.body());
    }

    private Map<JsonNode, Integer> transitions(String filter) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                URI.create(service.streamBase() + "/transitions?" + filter + "&limit=10000")).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(200, response.statusCode(), response.body());
        Map<JsonNode, Integer> items = new HashMap<>();
        JSON.readTree(response.body()).get("items").forEach(item -> items.merge(item, 1, Integer::sum));
        return items;
    }

    /**
     * What a client holds: a multiset, as two transitions of one timeline at one time between the same values (equal
     * timestamps) look alike. Strict: a retraction of one not held fails, and an id seen twice, so that a message
     * lost or repeated shows.
     */
    static final class Fold {

        private final String what;
        private final Map<JsonNode, Integer> held = new HashMap<>();
        private final Set<String> ids = new HashSet<>();

        Fold(String what) {
            this.what = what;
        }

        /** Applies a finished connection's messages; the id of its last one, if any. */
        Optional<String> take(List<SseClient.Message> messages) {
            messages.forEach(message -> {
                assertTrue(ids.add(message.id()), "the id " + message.id() + " came twice: " + what);
                apply(held, message);
            });
            return messages.isEmpty() ? Optional.empty() : Optional.of(messages.get(messages.size() - 1).id());
        }

        /** The multiset with an open connection's messages so far applied, without taking them. */
        Map<JsonNode, Integer> with(List<SseClient.Message> messages) {
            Map<JsonNode, Integer> copy = new HashMap<>(held);
            messages.forEach(message -> apply(copy, message));
            return copy;
        }

        Map<JsonNode, Integer> held() {
            return held;
        }

        private void apply(Map<JsonNode, Integer> multiset, SseClient.Message message) {
            JsonNode transition = read(message.data());
            switch (message.event()) {
                case "transition" -> multiset.merge(transition, 1, Integer::sum);
                case "retraction" -> {
                    assertTrue(multiset.containsKey(transition), "retracted, not held: " + message + ": " + what);
                    multiset.computeIfPresent(transition, (held, count) -> count == 1 ? null : count - 1);
                }
                default -> throw new AssertionError("unknown event " + message + ": " + what);
            }
        }

        private static JsonNode read(String data) {
            try {
                return JSON.readTree(data);
            } catch (IOException e) {
                throw new AssertionError("data is not JSON: " + data, e);
            }
        }
    }
}
