package dev.timelines.application.service;

import static dev.timelines.application.port.out.StoreFixtures.key;
import static dev.timelines.application.port.out.StoreFixtures.obj;
import static dev.timelines.application.port.out.StoreFixtures.seconds;
import static dev.timelines.application.port.out.StoreFixtures.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.timelines.application.port.in.ExportEventsUseCase;
import dev.timelines.application.port.in.ImportEventsUseCase;
import dev.timelines.application.port.in.RetentionUseCase;
import dev.timelines.application.port.out.ReferenceStorage;
import dev.timelines.domain.Event;
import dev.timelines.domain.IngestResult;
import dev.timelines.domain.InvalidValueException;
import dev.timelines.domain.TimelineEvent;
import dev.timelines.domain.TimelineNotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Export, import and retention as the REST adapter drives them, over the reference storage. */
class ImportAndRetentionServicesTest {

    private final ReferenceStorage store = new ReferenceStorage();
    private final ImportEventsUseCase imports = new ImportEventsService(store);
    private final ExportEventsUseCase exports = new ExportEventsService(store, store);
    private final RetentionUseCase retention = new RetentionService(store, store);

    private static TimelineEvent stored(String key, long seq, long receivedSeconds) {
        return new TimelineEvent(key(key), new Event(seconds(10), seq, seconds(receivedSeconds), Optional.empty(),
                obj()));
    }

    @Test
    void anImportWhoseSeqsDoNotIncreaseIsRefusedAndStoresNothing() {
        InvalidValueException refused = assertThrows(InvalidValueException.class,
                () -> imports.restore(List.of(stored("t", 5, 100), stored("t", 5, 100))));

        assertTrue(refused.getMessage().startsWith("seq 5 comes after seq 5"), refused.getMessage());
        assertEquals(List.of(), store.timelines().keySet().stream().toList());
    }

    @Test
    void anImportWhoseReceptionGoesBackIsRefused() {
        InvalidValueException refused = assertThrows(InvalidValueException.class,
                () -> imports.restore(List.of(stored("t", 5, 100), stored("u", 6, 99))));

        assertTrue(refused.getMessage().startsWith("seq 6 was received at 99, before seq 5 (100)"),
                refused.getMessage());
    }

    @Test
    void anEmptyImportStoresNothingAndAnOrderedOneIsStored() {
        assertEquals(IngestResult.NOTHING, imports.restore(List.of()));
        assertEquals(new IngestResult(2, 0), imports.restore(List.of(stored("t", 5, 100), stored("u", 6, 100))));
    }

    @Test
    void aTimelineExportChecksTheTimelineFirst() {
        store.append(List.of(status("t", 10, "a"), status("t/x", 10, "b")), seconds(100));

        assertThrows(TimelineNotFoundException.class, () -> exports.exportTimeline(key("t/")));
        List<TimelineEvent> events = new ArrayList<>();
        exports.exportTimeline(key("t")).run(events::add);
        assertEquals(List.of(key("t")), events.stream().map(TimelineEvent::timeline).toList());
    }

    @Test
    void retentionDeletesTheQuietTimelinesAndCountsThem() {
        store.append(List.of(status("old", 10, "a"), status("older", 5, "a"), status("new", 10, "a"),
                status("new", 30, "b")), seconds(100));

        assertEquals(2, retention.deleteTimelinesLastBefore(seconds(20)));

        assertEquals(List.of(key("new")), store.timelines().keySet().stream().toList());
        assertEquals(0, retention.deleteTimelinesLastBefore(seconds(20)));
    }
}
