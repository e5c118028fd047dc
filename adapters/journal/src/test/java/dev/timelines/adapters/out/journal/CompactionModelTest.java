package dev.timelines.adapters.out.journal;

import static dev.timelines.adapters.out.journal.CompactionTest.RECEIVED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.timelines.adapters.out.memory.InMemoryEventStore;
import dev.timelines.domain.IncomingEvent;
import dev.timelines.domain.TimelineKey;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Random appends (with repeated ids), deletes and re-creations, with compactions and restarts in between,
 * answer exactly as the memory engine alone does: same results, same events with the same seqs.
 */
class CompactionModelTest {

    private static final LogOptions OPTIONS =
            LogOptions.defaults().withMaxSegmentBytes(512).withCompaction(CompactionPolicy.onRequestOnly());
    private static final RandomBatches BATCHES = new RandomBatches(6);

    @TempDir
    Path dir;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void compactionsAndRestartsChangeNothingTheStoreAnswers(long seed) {
        Random random = new Random(seed);
        InMemoryEventStore reference = new InMemoryEventStore();
        InMemoryEventStore memory = new InMemoryEventStore();
        JournalEventStore journal = JournalEventStore.open(dir, OPTIONS, memory, new FaultyFileLayer());
        long reclaimed = 0;
        List<IncomingEvent> last = BATCHES.batch(random);
        try {
            for (int step = 0; step < 250; step++) {
                int action = random.nextInt(100);
                if (action < 60) {
                    last = BATCHES.batch(random);
                    assertEquals(reference.append(last, RECEIVED), journal.append(last, RECEIVED), "step " + step);
                } else if (action < 75) {
                    // A producer's retry: only duplicates, unless a delete came in between.
                    assertEquals(reference.append(last, RECEIVED), journal.append(last, RECEIVED), "step " + step);
                } else if (action < 90) {
                    // Often the newest timeline, so that the newest events are the deleted ones.
                    TimelineKey key = random.nextBoolean() ? last.get(0).timeline() : BATCHES.anyKey(random);
                    assertEquals(reference.delete(key), journal.delete(key), "step " + step);
                } else if (action < 96) {
                    reclaimed += journal.compact().join().reclaimedBytes();
                } else {
                    journal.close();
                    memory = new InMemoryEventStore();
                    journal = JournalEventStore.open(dir, OPTIONS, memory, new FaultyFileLayer());
                    assertEquals(StoreState.of(reference), StoreState.of(memory), "restarted at step " + step);
                }
            }
            assertEquals(StoreState.of(reference), StoreState.of(memory));
        } finally {
            journal.close();
        }
        assertEquals(StoreState.of(reference), StoreState.replayed(dir, OPTIONS));
        assertTrue(reclaimed > 0, "the compactions reclaimed something");
    }
}
