package dev.timelines.adapters.out.journal;

import dev.timelines.adapters.out.memory.InMemoryEventStore;
import dev.timelines.application.port.out.CrossTimelineQueriesContract;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** The journal answers every question across timelines as the reference does, writing to real files with fsync. */
class JournalCrossTimelineContractTest extends CrossTimelineQueriesContract {

    private final Map<Store, Opened> opened = new HashMap<>();

    private record Opened(Path dir, JournalEventStore journal) {
    }

    @Override
    protected Store newStore(int round) {
        try {
            Path dir = Files.createTempDirectory("journal-contract");
            InMemoryEventStore memory = new InMemoryEventStore();
            JournalEventStore journal = JournalEventStore.open(dir, LogOptions.defaults(), memory);
            Store store = new Store(journal, memory, memory, memory);
            opened.put(store, new Opened(dir, journal));
            return store;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected void close(Store store) {
        Opened closing = opened.remove(store);
        closing.journal().close();
        try {
            Dirs.delete(closing.dir());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
