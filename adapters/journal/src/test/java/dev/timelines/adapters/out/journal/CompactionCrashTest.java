package dev.timelines.adapters.out.journal;

import static dev.timelines.adapters.out.journal.CompactionTest.RECEIVED;
import static dev.timelines.adapters.out.journal.CompactionTest.event;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.timelines.adapters.out.memory.InMemoryEventStore;
import dev.timelines.domain.TimelineKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A crash (of the process, or of the power) at every step of a compaction, and at every step of finishing one
 * when the journal opens, leaves a journal that opens to the state before the compaction: nothing lost,
 * nothing twice.
 */
class CompactionCrashTest {

    private static final int POWER_LOSSES_PER_STEP = 3;
    private static final LogOptions OPTIONS =
            LogOptions.defaults().withMaxSegmentBytes(1024).withCompaction(CompactionPolicy.onRequestOnly());

    @TempDir
    Path root;

    private final LogCapture logged = new LogCapture();
    private Path template;
    private Path work;
    private StoreState expected;

    @BeforeEach
    void writeAJournalWithDeletions() {
        template = root.resolve("template");
        work = root.resolve("work");
        InMemoryEventStore memory = new InMemoryEventStore();
        try (JournalEventStore journal = JournalEventStore.open(template, OPTIONS, memory, new FaultyFileLayer())) {
            for (int round = 0; round < 12; round++) {
                for (String timeline : List.of("kept", "doomed", "reborn", "late")) {
                    journal.append(List.of(event(new TimelineKey(timeline), timeline + round, round)), RECEIVED);
                }
                if (round == 5) {
                    journal.delete(new TimelineKey("reborn"));
                }
            }
            journal.delete(new TimelineKey("doomed"));
            journal.delete(new TimelineKey("late"));
            journal.append(List.of(event(new TimelineKey("kept"), "kept-last", 99)), RECEIVED);
            expected = StoreState.of(memory);
        }
    }

    @AfterEach
    void stopCapturingTheLog() {
        logged.close();
    }

    @Test
    void aProcessCrashAtEveryStepOfACompactionOpensToTheStateBeforeIt() throws IOException {
        int steps = stepsOfACompaction();
        assertTrue(steps > 10, "a compaction takes " + steps + " steps");
        for (int step = 1; step <= steps; step++) {
            crashCompactingAt(step, null);

            assertOpensToTheStateBeforeTheCompaction("crashed at step " + step + " of " + steps);
            assertEquals(expected, compactAndReplay(), "crashed at step " + step + ", then compacted again");
        }
    }

    @Test
    void aPowerLossAtEveryStepOfACompactionOpensToTheStateBeforeIt() throws IOException {
        int steps = stepsOfACompaction();
        for (int step = 1; step <= steps; step++) {
            // Each power loss keeps a random part of what was not durable: several draws per step.
            for (long seed = 0; seed < POWER_LOSSES_PER_STEP; seed++) {
                crashCompactingAt(step, new Random(step * 1000 + seed));

                assertOpensToTheStateBeforeTheCompaction(
                        "power lost at step " + step + " of " + steps + ", seed " + seed);
            }
        }
    }

    private void assertOpensToTheStateBeforeTheCompaction(String situation) throws IOException {
        assertEquals(expected, StoreState.replayed(work, OPTIONS), situation);
        assertEquals(List.of(), compactionFilesIn(work), situation + ": the open finished or undid it");
    }

    @ParameterizedTest(name = "power loss: {0}")
    @ValueSource(booleans = {false, true})
    void aCrashWhileFinishingACommittedCompactionAtOpenIsFinishedByTheNextOpen(boolean powerLoss)
            throws IOException {
        int steps = stepsOfACompaction();
        int committedCrashes = 0;
        for (int step = 1; step <= steps; step++) {
            crashCompactingAt(step, powerLoss ? new Random(step) : null);
            if (CompactionFiles.committed(work).isEmpty()) {
                continue;
            }
            committedCrashes++;
            Path committed = root.resolve("committed");
            Dirs.copy(work, committed);
            for (int openingStep = 1; ; openingStep++) {
                Dirs.copy(committed, work);
                FaultyFileLayer disk = new FaultyFileLayer();
                disk.crashAt(openingStep, powerLoss ? new Random(step * 100L + openingStep) : null);
                try {
                    JournalEventStore.open(work, OPTIONS, new InMemoryEventStore(), disk).close();
                    break;
                } catch (JournalException crashed) {
                    assertEquals(expected, StoreState.replayed(work, OPTIONS),
                            "crashed at step " + step + ", then at step " + openingStep + " of the next open");
                }
            }
        }
        assertTrue(committedCrashes > 0, "some crashes struck after the commit point");
    }

    /** How many changes to the files a compaction of the template makes. */
    private int stepsOfACompaction() throws IOException {
        Dirs.copy(template, work);
        FaultyFileLayer disk = new FaultyFileLayer();
        try (JournalEventStore journal = JournalEventStore.open(work, OPTIONS, new InMemoryEventStore(), disk)) {
            int before = disk.changes();
            assertTrue(journal.compact().join().reclaimedBytes() > 0);
            return disk.changes() - before;
        }
    }

    /**
     * Compacts a copy of the template, crashing instead of making the {@code step}-th change: with a power loss
     * drawn from {@code powerLoss}, or as a process crash if it is null.
     */
    private void crashCompactingAt(int step, Random powerLoss) throws IOException {
        Dirs.copy(template, work);
        FaultyFileLayer disk = new FaultyFileLayer();
        JournalEventStore journal = JournalEventStore.open(work, OPTIONS, new InMemoryEventStore(), disk);
        disk.crashAt(step, powerLoss);
        assertThrows(CompletionException.class, () -> journal.compact().join(), "crashed at step " + step);
        journal.close();
    }

    private StoreState compactAndReplay() {
        try (JournalEventStore journal = JournalEventStore.open(work, OPTIONS, new InMemoryEventStore(),
                new FaultyFileLayer())) {
            journal.compact().join();
        }
        return StoreState.replayed(work, OPTIONS);
    }


    /** The files of a compaction in a journal directory. */
    static List<Path> compactionFilesIn(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith("compaction")).toList();
        }
    }
}
