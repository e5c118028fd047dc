package dev.timelines.bootstrap;

import static dev.timelines.bootstrap.Api.NDJSON;
import static dev.timelines.bootstrap.Api.post;
import static dev.timelines.bootstrap.Api.problem;
import static dev.timelines.bootstrap.Api.request;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.timelines.application.port.out.EventLog;
import dev.timelines.application.port.out.IndexedAnswers;
import dev.timelines.application.port.out.ReferenceStorage;
import dev.timelines.application.port.out.StorageUnavailableException;
import dev.timelines.application.port.out.TimelineReader;
import dev.timelines.domain.Timeline;
import dev.timelines.domain.TimelineEvent;
import dev.timelines.domain.TimelineKey;
import dev.timelines.domain.Timestamp;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * docs/api.md, Export and import: storage failing during an export. Before anything was written the reply is a 503
 * problem; after, the reply is cut short, and a client sees an error, not an export that looks complete.
 */
@QuarkusTest
@TestProfile(ExportCutShortTest.FailingExports.class)
class ExportCutShortTest {

    /** Events the store's export hands over before it fails: far more than one buffer of the reply. */
    static final int BEFORE_FAILING = 20_000;

    /** The reference storage, whose export of the store fails midway and whose export of a timeline fails at once. */
    public static class FailingExports implements QuarkusTestProfile {

        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(FailingExportsProducer.class);
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("timelines.storage", "memory", "quarkus.http.test-port", "0");
        }
    }

    @Alternative
    public static class FailingExportsProducer {

        @Produces
        @Singleton
        Storage storage() {
            ReferenceStorage storage = new ReferenceStorage();
            TimelineReader failing = new TimelineReader() {
                @Override
                public Optional<Timeline> timeline(TimelineKey key) {
                    return storage.timeline(key);
                }

                @Override
                public void inSeqOrder(Optional<TimelineKey> timeline, Consumer<TimelineEvent> event) {
                    if (timeline.isPresent()) {
                        throw new StorageUnavailableException("the storage failed before the first event", null);
                    }
                    int[] handed = {0};
                    storage.inSeqOrder(timeline, each -> {
                        if (handed[0]++ == BEFORE_FAILING) {
                            throw new StorageUnavailableException("the storage failed midway", null);
                        }
                        event.accept(each);
                    });
                }

                @Override
                public List<TimelineKey> lastEventBefore(Timestamp moment) {
                    return storage.lastEventBefore(moment);
                }
            };
            EventLog log = storage;
            return new Storage(log, failing, storage, IndexedAnswers.NONE, storage, () -> true, () -> { }, Optional.empty());
        }
    }

    @TestHTTPResource("/events")
    URI events;

    @Test
    void aFailureMidwayCutsTheReplyShortAndOneBeforeItIsAProblem() {
        for (int request = 0; request < 3; request++) {
            StringBuilder lines = new StringBuilder();
            for (int i = 0; i < 10_000; i++) {
                lines.append("{\"timeline\": \"t-").append(i % 7).append("\", \"timestamp\": ").append(i)
                        .append(", \"data\": {\"n\": ").append(i).append("}}\n");
            }
            post("/events", NDJSON, lines.toString()).statusCode(200);
        }

        HttpRequest export = HttpRequest.newBuilder(events).header("Accept", NDJSON).build();
        for (HttpClient.Version version : HttpClient.Version.values()) {
            HttpClient client = HttpClient.newBuilder().version(version).build();
            assertThrows(IOException.class, () -> client.send(export, HttpResponse.BodyHandlers.ofString()),
                    version + ": the client must not take a cut export for a whole one");
        }
        problem(request().accept(NDJSON).when().get("/timelines/t-1/events").then(), 503)
                .body("type", equalTo("https://timelines.dev/problems/storage-unavailable"));
    }
}
