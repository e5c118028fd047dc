package dev.timelines.adapters.out.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.timelines.adapters.out.memory.InMemoryEventStore;
import dev.timelines.application.port.out.StorageUnavailableException;
import dev.timelines.domain.EventId;
import dev.timelines.domain.IncomingEvent;
import dev.timelines.domain.JsonValue;
import dev.timelines.domain.Timeline;
import dev.timelines.domain.TimelineKey;
import dev.timelines.domain.Timestamp;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A disk that fails is never acknowledged: the store turns read-only and keeps answering reads. */
class JournalFaultTest {

    private static final TimelineKey KEY = new TimelineKey("device-7");
    private static final Timestamp RECEIVED = new Timestamp(1_700_000_000_000_000L);

    @TempDir
    Path dir;

    private final FaultyFileLayer disk = new FaultyFileLayer();

    @Test
    void aFailedFsyncIsNotAcknowledgedAndReadsGoOn() {
        InMemoryEventStore memory = new InMemoryEventStore();
        JournalEventStore journal = JournalEventStore.open(dir, LogOptions.defaults(), memory, disk);
        journal.append(List.of(event(1, "kept")), RECEIVED);

        disk.failForces();

        assertThrows(StorageUnavailableException.class, () -> journal.append(List.of(event(2, "lost")), RECEIVED));
        assertFalse(journal.isWritable());
        assertThrows(StorageUnavailableException.class, () -> journal.append(List.of(event(3, "later")), RECEIVED));
        assertThrows(StorageUnavailableException.class, () -> journal.delete(KEY));
        assertEquals(List.of("kept"), ids(memory));
        journal.close();
    }

    @Test
    void aFullDiskIsNotAcknowledgedAndTheAcknowledgedPrefixSurvivesARestart() {
        InMemoryEventStore memory = new InMemoryEventStore();
        JournalEventStore journal = JournalEventStore.open(dir, LogOptions.defaults(), memory, disk);
        journal.append(List.of(event(1, "kept")), RECEIVED);

        disk.failWrites();

        assertThrows(StorageUnavailableException.class, () -> journal.append(List.of(event(2, "lost")), RECEIVED));
        assertEquals(List.of("kept"), ids(memory));
        journal.close();

        InMemoryEventStore restarted = new InMemoryEventStore();
        JournalEventStore reopened = JournalEventStore.open(dir, LogOptions.defaults(), restarted);
        assertTrue(reopened.isWritable());
        assertEquals(List.of("kept"), ids(restarted));
        reopened.close();
    }

    private static List<String> ids(InMemoryEventStore memory) {
        return memory.timeline(KEY).map(Timeline::events).orElse(List.of()).stream()
                .map(event -> event.id().orElseThrow().value()).toList();
    }

    private static IncomingEvent event(long seconds, String id) {
        return new IncomingEvent(KEY, new Timestamp(seconds * 1_000_000), Optional.of(new EventId(id)),
                JsonValue.Obj.EMPTY);
    }
}
