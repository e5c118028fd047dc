package dev.timelines.adapters.out.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.timelines.adapters.out.memory.InMemoryEventStore;
import dev.timelines.application.service.RetentionService;
import dev.timelines.domain.Event;
import dev.timelines.domain.EventId;
import dev.timelines.domain.IncomingEvent;
import dev.timelines.domain.JsonValue;
import dev.timelines.domain.TimelineEvent;
import dev.timelines.domain.TimelineKey;
import dev.timelines.domain.Timestamp;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an import and retention mean for the files: imported events are durable with the seq and reception time they
 * came with, and the timelines retention deletes give their bytes back at the next compaction.
 */
class JournalImportRetentionTest {

    private static final LogOptions OPTIONS =
            LogOptions.defaults().withMaxSegmentBytes(4096).withCompaction(CompactionPolicy.onRequestOnly());

    @TempDir
    Path dir;

    private InMemoryEventStore memory;
    private JournalEventStore journal;

    @AfterEach
    void close() {
        journal.close();
    }

    private void open() {
        memory = new InMemoryEventStore();
        journal = JournalEventStore.open(dir, OPTIONS, memory);
    }

    private List<TimelineEvent> exported() {
        List<TimelineEvent> events = new ArrayList<>();
        memory.inSeqOrder(Optional.empty(), events::add);
        return events;
    }

    private static Timestamp seconds(long seconds) {
        return new Timestamp(seconds * Timestamp.MICROS_PER_SECOND);
    }

    private static JsonValue.Obj note(String text) {
        return new JsonValue.Obj(Map.of("note", new JsonValue.Str(text)));
    }

    @Test
    void importedEventsSurviveARestartWithTheirSeqsAndTheNextSeqFollowsThem() {
        open();
        List<TimelineEvent> imported = List.of(
                new TimelineEvent(new TimelineKey("a"), new Event(seconds(20), 100, seconds(1_000), Optional.empty(),
                        note("first"))),
                new TimelineEvent(new TimelineKey("b"), new Event(seconds(10), 250, seconds(2_000),
                        Optional.of(new EventId("id-1")), note("second"))));
        journal.restore(imported);
        journal.close();

        open();

        assertEquals(imported, exported());
        journal.append(List.of(new IncomingEvent(new TimelineKey("a"), seconds(30), Optional.empty(), note("next"))),
                seconds(3_000));
        assertEquals(251, exported().get(2).event().seq());
    }

    /** The quiet timelines are half the store: compaction gives back about half of the closed segments' bytes. */
    @Test
    void compactionReclaimsTheBytesOfTheTimelinesRetentionDeleted() throws IOException {
        open();
        for (int round = 0; round < 40; round++) {
            List<IncomingEvent> batch = new ArrayList<>();
            for (int timeline = 0; timeline < 10; timeline++) {
                // even timelines went quiet at second 1000; odd ones go on to second 100000
                long at = timeline % 2 == 0 ? round : 100_000L + round;
                batch.add(new IncomingEvent(new TimelineKey("timeline-" + timeline), seconds(at), Optional.empty(),
                        note("event " + round + " of a timeline that takes some bytes")));
            }
            journal.append(batch, seconds(1_700_000_000L));
        }
        long before = CompactionTest.sizeOnDisk(dir);

        int deleted = new RetentionService(memory, journal).deleteTimelinesLastBefore(seconds(1_000));
        long withDeletions = CompactionTest.sizeOnDisk(dir);
        CompactionResult compaction = journal.compact().join();

        long after = CompactionTest.sizeOnDisk(dir);
        assertEquals(5, deleted);
        assertEquals(withDeletions - after, compaction.reclaimedBytes());
        assertTrue(after < before * 0.6, before + " bytes on disk became " + after);
        assertEquals(List.of("timeline-1", "timeline-3", "timeline-5", "timeline-7", "timeline-9"),
                exported().stream().map(event -> event.timeline().value()).distinct().sorted().toList());
    }
}
