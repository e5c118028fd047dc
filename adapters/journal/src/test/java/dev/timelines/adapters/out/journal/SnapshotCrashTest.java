package dev.timelines.adapters.out.journal;

import static dev.timelines.adapters.out.journal.CompactionTest.RECEIVED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.timelines.adapters.out.memory.InMemoryEventStore;
import dev.timelines.domain.IncomingEvent;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A crash (of the process, or of the power) at any step of writing a snapshot leaves the old snapshot or the
 * new one, whole or recognisably damaged, and the next start shows every acknowledged event either way.
 */
class SnapshotCrashTest {

    private static final LogOptions OPTIONS = LogOptions.defaults().withMaxSegmentBytes(600)
            .withCompaction(CompactionPolicy.onRequestOnly());
    private static final RandomBatches BATCHES = new RandomBatches(5);

    @TempDir
    Path root;

    private final LogCapture logged = new LogCapture();

    @AfterEach
    void stopCapturingTheLog() {
        logged.close();
    }

    @ParameterizedTest(name = "power loss: {0}")
    @ValueSource(booleans = {false, true})
    void aCrashAtAnyStepOfWritingTheSnapshotLosesNothing(boolean powerLoss) throws IOException {
        Path template = root.resolve("template");
        Path work = root.resolve("work");
        InMemoryEventStore reference = new InMemoryEventStore();
        Random random = new Random(3);
        try (JournalEventStore journal = JournalEventStore.open(template, OPTIONS, new InMemoryEventStore())) {
            appendBoth(journal, reference, 20, random);
        }
        List<IncomingEvent> more = BATCHES.batch(random);
        reference.append(more, RECEIVED);
        StoreState expected = StoreState.of(reference);

        int steps = stepsOfClosingWithASnapshot(template, work, more);
        assertTrue(steps > 3, "a snapshot takes several steps: " + steps);
        for (int step = 1; step <= steps; step++) {
            Dirs.copy(template, work);
            FaultyFileLayer disk = new FaultyFileLayer();
            JournalEventStore journal = JournalEventStore.open(work, OPTIONS, new InMemoryEventStore(), disk);
            journal.append(more, RECEIVED);
            disk.crashAt(step, powerLoss ? new Random(step) : null);
            assertThrows(JournalException.class, journal::close, "crashed at step " + step);

            assertEquals(expected, StoreState.replayed(work, OPTIONS), "crashed at step " + step);
        }
    }

    /** How many changes to the files closing a copy of the template makes, after appending {@code more}. */
    private static int stepsOfClosingWithASnapshot(Path template, Path work, List<IncomingEvent> more)
            throws IOException {
        Dirs.copy(template, work);
        FaultyFileLayer disk = new FaultyFileLayer();
        JournalEventStore journal = JournalEventStore.open(work, OPTIONS, new InMemoryEventStore(), disk);
        journal.append(more, RECEIVED);
        int before = disk.changes();
        journal.close();
        return disk.changes() - before;
    }

    private static void appendBoth(JournalEventStore journal, InMemoryEventStore reference, int batches,
            Random random) {
        for (int i = 0; i < batches; i++) {
            List<IncomingEvent> batch = BATCHES.batch(random);
            assertEquals(reference.append(batch, RECEIVED), journal.append(batch, RECEIVED));
        }
    }

}
