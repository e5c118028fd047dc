package dev.timelines.bootstrap;

import dev.timelines.adapters.out.memory.InMemoryEventStore;
import dev.timelines.application.port.out.KeyRange;
import dev.timelines.domain.Attribute;
import dev.timelines.domain.TimelineKey;
import io.quarkus.vertx.http.HttpServer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Asks the service, over its own HTTP listener, each kind of question about the attributes whose indexes a start
 * built, before readiness reports UP (docs/operations.md, Start). A restarted JVM spent about 100 ms on its first
 * question, almost all of it loading and initialising the classes of the request's path: the REST stack's first
 * request, then the question's own (its parameters, the use case, the reply's serializer). Only a request through
 * the listener loads the REST stack's part, so the warm-up is one: 17 requests per attribute, each over an
 * empty moment or window (epoch 0), which cost the store nothing. Without an index built at start (a new store, a
 * crash, PostgreSQL) there is nothing to warm: the first question builds an index or asks the database anyway. With
 * authentication on, the requests stop at the credentials check, and only the REST stack's share is loaded.
 */
@Singleton
public class QuestionWarmUp {

    private static final Logger LOG = Logger.getLogger(QuestionWarmUp.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpServer server;

    public QuestionWarmUp(HttpServer server) {
        this.server = server;
    }

    /**
     * Asks the questions about the attributes {@code storage} has indexes for, one after another, and returns the
     * paths asked with the status of each answer; empty when there are none, or when HTTP does not listen yet.
     */
    List<Asked> warmUp(Storage storage) {
        List<Attribute> attributes = storage.indexed() instanceof InMemoryEventStore memory
                ? memory.indexedAttributes() : List.of();
        int port = server.getPort();
        if (attributes.isEmpty() || port <= 0) {
            return List.of();
        }
        long started = System.nanoTime();
        Optional<TimelineKey> someTimeline = storage.scans().keys(new KeyRange("", Optional.empty(), 1),
                Optional.empty()).stream().findFirst();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT).build();
        List<Asked> asked = new ArrayList<>();
        for (Attribute attribute : attributes) {
            for (String path : paths(encode(attribute.name()), someTimeline.map(key -> encode(key.value())))) {
                asked.add(ask(client, URI.create("http://localhost:" + port + path)));
            }
        }
        LOG.infof("%d questions about %s asked before readiness, so that the first of a client is not the JVM's"
                + " first, in %d ms", asked.size(), attributes, (System.nanoTime() - started) / 1_000_000);
        return asked;
    }

    /** Each kind of question about the attribute, over an empty moment or window: epoch 0. */
    private static List<String> paths(String attribute, Optional<String> timeline) {
        String about = "attribute=" + attribute;
        String empty = "&since=0&until=1";
        List<String> paths = new ArrayList<>(List.of(
                "/states?" + about + "&at=0",
                "/states?" + about + "&at=0&ages=true",
                "/states/durations?" + about + empty,
                "/states/stuck?" + about + "&longerThan=1s&at=0",
                "/timelines?" + about + "&value=none&at=0",
                "/timelines?" + about + "&value=none" + empty,
                "/transitions?" + about + empty,
                "/transitions/summary?" + about + empty,
                "/transitions/next?" + about + "&value=none" + empty,
                "/transitions/previous?" + about + "&value=none" + empty,
                "/funnels?" + about + "&step=none&step=other&within=1h" + empty,
                "/attributes/" + attribute + "/values?limit=1",
                "/timelines?limit=1"));
        timeline.ifPresent(key -> paths.addAll(List.of(
                "/timelines/" + key + "/history?" + about + "&until=1",
                "/timelines/" + key + "/history?" + about + "&mode=changes&format=pairs&until=1",
                "/timelines/" + key + "/transitions?" + about + "&until=1",
                "/timelines/" + key + "/state?" + about + "&at=0")));
        return paths;
    }

    private static Asked ask(HttpClient client, URI uri) {
        try {
            HttpResponse<Void> answer = client.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT).build(),
                    HttpResponse.BodyHandlers.discarding());
            return new Asked(uri.getRawPath() + "?" + uri.getRawQuery(), answer.statusCode());
        } catch (IOException e) {
            LOG.debugf("warm-up question %s not answered: %s", uri, e);
            return new Asked(uri.toString(), 0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Asked(uri.toString(), 0);
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A question asked and its answer's status; 0 when none came. */
    record Asked(String path, int status) {
    }
}
