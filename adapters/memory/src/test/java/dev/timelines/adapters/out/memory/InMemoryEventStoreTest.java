package dev.timelines.adapters.out.memory;

import dev.timelines.application.port.out.EventStoreContract;

/** The in-memory store against the storage contract every adapter passes. */
class InMemoryEventStoreTest extends EventStoreContract {

    @Override
    protected Store newStore() {
        InMemoryEventStore store = new InMemoryEventStore();
        return new Store(store, store);
    }
}
