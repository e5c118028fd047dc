package dev.timelines.bootstrap;

import dev.timelines.adapters.out.memory.InMemoryEventStore;
import dev.timelines.application.port.out.EventLog;
import dev.timelines.application.port.out.TimelineReader;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Provides the storage ports from the adapter that {@code timelines.storage} names. */
public class StorageProducers {

    @Produces
    @Singleton
    Storage storage(StorageConfig config) {
        return switch (config.storage()) {
            case MEMORY -> Storage.of(new InMemoryEventStore());
        };
    }

    @Produces
    @Singleton
    EventLog eventLog(Storage storage) {
        return storage.log();
    }

    @Produces
    @Singleton
    TimelineReader timelineReader(Storage storage) {
        return storage.reader();
    }
}
