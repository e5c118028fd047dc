package dev.timelines.adapters.out.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.timelines.adapters.out.memory.HistoryLimits;
import dev.timelines.adapters.out.memory.InMemoryEventStore;
import dev.timelines.adapters.out.memory.IndexLimits;
import dev.timelines.application.port.out.StoreHistoryContract;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * The journal's history survives a restart: a clean close, or a crash (the process killed: what was written stays,
 * no snapshot is taken at close), either one after a compaction or not, with or without snapshots. Replay rebuilds
 * the history from the records, a snapshot holds it: the horizon after the restart is the one before, unless a
 * compaction dropped what it needed.
 */
class JournalStoreHistoryContractTest extends StoreHistoryContract {

    private Path dir;
    private LogOptions options;
    private HistoryLimits limits;
    private FaultyFileLayer disk;
    private JournalEventStore journal;

    @Override
    protected Store newStore(Random random) {
        try {
            dir = Files.createTempDirectory("journal-history");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        options = LogOptions.defaults().withMaxSegmentBytes(512).withCompaction(CompactionPolicy.onRequestOnly())
                .withSnapshot(random.nextBoolean() ? SnapshotPolicy.disabled()
                        : new SnapshotPolicy(true, 200 + random.nextInt(2000)));
        limits = random.nextBoolean() ? HistoryLimits.DEFAULT
                : new HistoryLimits(5 + random.nextInt(200), random.nextInt(40));
        return open();
    }

    private Store open() {
        disk = new FaultyFileLayer();
        InMemoryEventStore memory = new InMemoryEventStore(IndexLimits.DEFAULT, limits);
        journal = JournalEventStore.open(dir, options, memory, disk);
        return new Store(journal, memory, memory);
    }

    @Override
    protected Store restarted(Store store, Random random) {
        long horizon = store.history().horizon();
        boolean compacted = random.nextBoolean();
        if (compacted) {
            journal.compact().join();
        }
        if (random.nextBoolean()) {
            journal.close();
        } else {
            crash();
        }
        Store reopened = open();
        if (!compacted) {
            assertEquals(horizon, reopened.history().horizon(), "the history starts where it did before the restart");
        }
        return reopened;
    }

    /** Kills the process, as it were: what was written stays, but no snapshot is taken at close. */
    private void crash() {
        try {
            disk.processCrash();
            journal.close();
        } catch (IOException | JournalException expected) {
            // Closing after the crash fails; what matters is what the next start finds.
        }
    }

    @Override
    protected void close(Store store) {
        journal.close();
        try {
            Dirs.delete(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
