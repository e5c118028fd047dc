package dev.timelines.adapters.out.memory;

import dev.timelines.domain.Event;
import dev.timelines.domain.EventId;
import dev.timelines.domain.Timeline;
import dev.timelines.domain.TimelineKey;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** One timeline's events kept in timeline order, with the ids it has seen or reserved. Not thread-safe. */
final class StoredTimeline {

    private final List<Event> events = new ArrayList<>();
    private final Set<EventId> ids = new HashSet<>();

    /** Claims an id for an event about to be stored; false when the timeline already has it. */
    boolean reserve(EventId id) {
        return ids.add(id);
    }

    /** Inserts the event at its place in (timestamp, seq) order. */
    void insert(Event event) {
        int index = Collections.binarySearch(events, event, Event.TIMELINE_ORDER);
        events.add(-index - 1, event);
    }

    boolean hasEvents() {
        return !events.isEmpty();
    }

    Timeline snapshot(TimelineKey key) {
        return new Timeline(key, events);
    }
}
