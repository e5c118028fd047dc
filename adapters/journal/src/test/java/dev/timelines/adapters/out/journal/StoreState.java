package dev.timelines.adapters.out.journal;

import dev.timelines.adapters.out.memory.InMemoryEventStore;
import dev.timelines.application.port.out.KeyRange;
import dev.timelines.domain.Event;
import dev.timelines.domain.TimelineKey;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Everything a store shows: each timeline with its events (timestamp, seq, received, id, data), in key order. */
record StoreState(Map<TimelineKey, List<Event>> timelines) {

    static StoreState of(InMemoryEventStore memory) {
        Map<TimelineKey, List<Event>> timelines = new LinkedHashMap<>();
        for (TimelineKey key : memory.keys(new KeyRange("", Optional.empty(), Integer.MAX_VALUE), Optional.empty())) {
            timelines.put(key, memory.timeline(key).orElseThrow().events());
        }
        return new StoreState(timelines);
    }

    /** What the journal in {@code dir} replays into an empty memory engine. */
    static StoreState replayed(Path dir, LogOptions options) {
        InMemoryEventStore memory = new InMemoryEventStore();
        JournalEventStore.open(dir, options, memory, new FaultyFileLayer()).close();
        return of(memory);
    }

    long events() {
        return timelines.values().stream().mapToLong(List::size).sum();
    }
}
