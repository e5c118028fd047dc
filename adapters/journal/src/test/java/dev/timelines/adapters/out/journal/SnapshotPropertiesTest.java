package dev.timelines.adapters.out.journal;

import static dev.timelines.adapters.out.journal.CompactionTest.RECEIVED;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.timelines.adapters.out.memory.InMemoryEventStore;
import dev.timelines.domain.IncomingEvent;
import dev.timelines.domain.TimelineKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;

/**
 * Whatever happens between snapshots (events in any time order, retried ids, deletes, compactions, graceful
 * restarts, crashes that keep an older snapshot and a longer tail), a start from the snapshot shows exactly what
 * the memory engine alone shows, and what a full replay shows.
 */
class SnapshotPropertiesTest {

    private static final LogOptions NO_SNAPSHOTS = LogOptions.defaults().withMaxSegmentBytes(512)
            .withCompaction(CompactionPolicy.onRequestOnly()).withSnapshot(SnapshotPolicy.disabled());
    private static final RandomBatches BATCHES = new RandomBatches(6);

    private Path dir;
    private LogCapture logged;

    @BeforeProperty
    void capture() {
        logged = new LogCapture();
    }

    @AfterProperty
    void release() {
        logged.close();
    }

    @Property(tries = 25)
    void aStartFromTheSnapshotShowsWhatAFullReplayShows(@ForAll Random random) throws IOException {
        dir = Files.createTempDirectory("snapshot-property");
        try {
            run(random);
        } finally {
            Dirs.delete(dir);
        }
    }

    private void run(Random random) {
        // Background snapshots every few hundred bytes: they land between all kinds of steps.
        LogOptions options = NO_SNAPSHOTS.withSnapshot(new SnapshotPolicy(true, 100 + random.nextInt(1500)));
        InMemoryEventStore reference = new InMemoryEventStore();
        FaultyFileLayer disk = new FaultyFileLayer();
        InMemoryEventStore memory = new InMemoryEventStore();
        JournalEventStore journal = JournalEventStore.open(dir, options, memory, disk);
        List<IncomingEvent> last = BATCHES.batch(random);
        for (int step = 0; step < 150; step++) {
            int action = random.nextInt(100);
            if (action < 55) {
                last = BATCHES.batch(random);
                assertEquals(reference.append(last, RECEIVED), journal.append(last, RECEIVED), "step " + step);
            } else if (action < 70) {
                assertEquals(reference.append(last, RECEIVED), journal.append(last, RECEIVED), "retry at " + step);
            } else if (action < 85) {
                TimelineKey key = random.nextBoolean() ? last.get(0).timeline() : BATCHES.anyKey(random);
                assertEquals(reference.delete(key), journal.delete(key), "step " + step);
            } else if (action < 91) {
                journal.compact().join();
            } else {
                if (random.nextBoolean()) {
                    journal.close();
                } else {
                    crash(journal, disk);
                }
                disk = new FaultyFileLayer();
                memory = new InMemoryEventStore();
                journal = JournalEventStore.open(dir, options, memory, disk);
                assertEquals(StoreState.of(reference), StoreState.of(memory), "restarted at step " + step);
            }
        }
        crash(journal, disk);
        assertEquals(StoreState.of(reference), StoreState.replayed(dir, options), "from the snapshot");
        assertEquals(StoreState.of(reference), StoreState.replayed(dir, NO_SNAPSHOTS), "by a full replay");
    }

    /** Kills the process, as it were: what was written stays, but no snapshot is taken at close. */
    private static void crash(JournalEventStore journal, FaultyFileLayer disk) {
        try {
            disk.processCrash();
            journal.close();
        } catch (IOException | JournalException expected) {
            // Closing after the crash fails; what matters is what the next start finds.
        }
    }

}
