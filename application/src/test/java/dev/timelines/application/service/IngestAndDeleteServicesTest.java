package dev.timelines.application.service;

import static dev.timelines.application.port.out.StoreFixtures.key;
import static dev.timelines.application.port.out.StoreFixtures.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.timelines.application.port.out.ReferenceStorage;
import dev.timelines.application.port.in.DeleteTimelineUseCase;
import dev.timelines.application.port.in.IngestEventsUseCase;
import dev.timelines.application.port.in.InspectTimelineUseCase;
import dev.timelines.domain.Event;
import dev.timelines.domain.IngestResult;
import dev.timelines.domain.TimelineNotFoundException;
import dev.timelines.domain.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Ingest and delete as the REST adapter drives them, over the reference storage. */
class IngestAndDeleteServicesTest {

    /** No "as known at": the store as it is. */
    private static final Optional<Timestamp> LATEST = Optional.empty();

    private static final Instant NOW = Instant.parse("2024-01-02T03:04:05.678901234Z");

    private final ReferenceStorage store = new ReferenceStorage();
    private final IngestEventsUseCase ingest = new IngestEventsService(store, Clock.fixed(NOW, ZoneOffset.UTC));
    private final DeleteTimelineUseCase delete = new DeleteTimelineService(store);
    private final InspectTimelineUseCase inspect = new InspectTimelineService(store);

    @Test
    void ingestStampsEventsWithTheClockToTheMicrosecond() {
        ingest.ingest(List.of(status("t", 10, "a"), status("t", 20, "b")));

        List<Event> events = store.timeline(key("t")).orElseThrow().events();
        assertEquals(List.of(new Timestamp(1_704_164_645_678_901L), new Timestamp(1_704_164_645_678_901L)),
                events.stream().map(Event::received).toList());
    }

    @Test
    void ingestReportsAcceptedEventsAndDuplicates() {
        assertEquals(new IngestResult(2, 1),
                ingest.ingest(List.of(status("t", 10, "e1", "a"), status("t", 20, "e2", "b"),
                        status("t", 30, "e1", "c"))));
        assertEquals(new IngestResult(1, 2),
                ingest.ingest(List.of(status("t", 10, "e1", "a"), status("t", 20, "e2", "b"),
                        status("u", 20, "e2", "b"))));
    }

    @Test
    void anEmptyRequestIsAcceptedAndStoresNothing() {
        assertEquals(new IngestResult(0, 0), ingest.ingest(List.of()));
        assertEquals(Optional.empty(), store.timeline(key("t")));
    }

    @Test
    void deleteRemovesTheTimelineFromEveryQuestion() {
        ingest.ingest(List.of(status("t", 10, "a")));

        delete.delete(key("t"));

        assertThrows(TimelineNotFoundException.class, () -> inspect.describe(key("t"), LATEST));
    }

    @Test
    void deletingAnUnknownTimelineIsNotFound() {
        TimelineNotFoundException notFound = assertThrows(TimelineNotFoundException.class,
                () -> delete.delete(key("nobody")));

        assertEquals(key("nobody"), notFound.key());
    }

    @Test
    void deletingTwiceIsNotFoundTheSecondTime() {
        ingest.ingest(List.of(status("t", 10, "a")));
        delete.delete(key("t"));

        assertThrows(TimelineNotFoundException.class, () -> delete.delete(key("t")));
    }

    @Test
    void aDeletedTimelineAcceptsItsOldIdsAgain() {
        ingest.ingest(List.of(status("t", 10, "e1", "a")));
        delete.delete(key("t"));

        assertEquals(new IngestResult(1, 0), ingest.ingest(List.of(status("t", 10, "e1", "a"))));
        assertEquals(1, inspect.describe(key("t"), LATEST).events());
    }

    @Test
    void deleteLeavesOtherTimelinesAlone() {
        ingest.ingest(List.of(status("t", 10, "a"), status("t/1", 10, "b")));

        delete.delete(key("t"));

        assertEquals(1, inspect.describe(key("t/1"), LATEST).events());
    }
}
