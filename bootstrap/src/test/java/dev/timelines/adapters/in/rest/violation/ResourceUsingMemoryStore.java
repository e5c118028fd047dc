package dev.timelines.adapters.in.rest.violation;

import dev.timelines.adapters.out.memory.InMemoryEventStore;

/** Breaks the adapter rule on purpose, so that ArchitectureTest can show the rule bites. */
public class ResourceUsingMemoryStore {

    private final InMemoryEventStore store = new InMemoryEventStore();

    public boolean forget(dev.timelines.domain.TimelineKey key) {
        return store.delete(key);
    }
}
