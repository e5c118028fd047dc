package dev.timelines.adapters.out.journal;

import dev.timelines.adapters.out.memory.InMemoryEventStore;
import dev.timelines.application.port.out.EventStoreContract;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/** The journal keeps every promise of the storage contract, on real files with fsync. */
class JournalEventStoreContractTest extends EventStoreContract {

    @TempDir
    Path dir;

    private final List<JournalEventStore> opened = new ArrayList<>();

    @Override
    protected Store newStore() {
        InMemoryEventStore memory = new InMemoryEventStore();
        JournalEventStore journal = JournalEventStore.open(dir.resolve("store-" + opened.size()),
                LogOptions.defaults(), memory);
        opened.add(journal);
        return new Store(journal, memory);
    }

    @Override
    protected int arrivalOrderRounds() {
        return 20;
    }

    @AfterEach
    void closeJournals() {
        opened.forEach(JournalEventStore::close);
    }
}
