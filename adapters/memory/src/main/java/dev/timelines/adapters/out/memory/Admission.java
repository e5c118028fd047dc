package dev.timelines.adapters.out.memory;

import dev.timelines.domain.IngestResult;
import dev.timelines.domain.TimelineEvent;
import java.util.List;

/**
 * A batch the store has accepted but not yet made visible: its new events carry their final seq and their
 * ids are reserved, so a durable log can write exactly these events before {@link InMemoryEventStore#publish}.
 */
public record Admission(List<TimelineEvent> events, IngestResult result) {

    public Admission {
        events = List.copyOf(events);
    }
}
