package dev.timelines.adapters.out.journal;

import static dev.timelines.adapters.out.journal.CompactionTest.RECEIVED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.timelines.adapters.out.memory.InMemoryEventStore;
import dev.timelines.domain.EventId;
import dev.timelines.domain.IncomingEvent;
import dev.timelines.domain.JsonValue;
import dev.timelines.domain.TimelineKey;
import dev.timelines.domain.Timestamp;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
    private static final int TIMELINES = 6;

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
        List<IncomingEvent> last = batch(random);
        try {
            for (int step = 0; step < 250; step++) {
                int action = random.nextInt(100);
                if (action < 60) {
                    last = batch(random);
                    assertEquals(reference.append(last, RECEIVED), journal.append(last, RECEIVED), "step " + step);
                } else if (action < 75) {
                    // A producer's retry: only duplicates, unless a delete came in between.
                    assertEquals(reference.append(last, RECEIVED), journal.append(last, RECEIVED), "step " + step);
                } else if (action < 90) {
                    // Often the newest timeline, so that the newest events are the deleted ones.
                    TimelineKey key = random.nextBoolean() ? last.get(0).timeline() : key(random.nextInt(TIMELINES));
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

    private static List<IncomingEvent> batch(Random random) {
        List<IncomingEvent> batch = new ArrayList<>();
        for (int i = 1 + random.nextInt(4); i > 0; i--) {
            Optional<EventId> id = random.nextInt(4) == 0 ? Optional.empty()
                    : Optional.of(new EventId("id-" + random.nextInt(30)));
            JsonValue.Obj data = new JsonValue.Obj(Map.of("state", new JsonValue.Str("s" + random.nextInt(3))));
            Timestamp timestamp = new Timestamp(random.nextInt(1000) * 1_000_000L);
            batch.add(new IncomingEvent(key(random.nextInt(TIMELINES)), timestamp, id, data));
        }
        return batch;
    }

    private static TimelineKey key(int timeline) {
        return new TimelineKey("t" + timeline);
    }
}
