package dev.timelines.adapters.out.memory;

import dev.timelines.domain.IngestResult;
import dev.timelines.domain.TimelineEvent;
import java.util.List;

/**
 * A batch the store has accepted but not yet made visible: its new events carry their final seq and their
 * ids are reserved, so a durable log can write exactly these events before {@link InMemoryEventStore#publish}.
 * It also keeps the stored timeline each event goes to, found when the event was admitted, so that publishing
 * does not look the timeline up again.
 */
public final class Admission {

    private final List<TimelineEvent> events;
    private final List<StoredTimeline> timelines;
    private final IngestResult result;

    Admission(List<TimelineEvent> events, List<StoredTimeline> timelines, IngestResult result) {
        this.events = List.copyOf(events);
        this.timelines = List.copyOf(timelines);
        this.result = result;
    }

    public List<TimelineEvent> events() {
        return events;
    }

    public IngestResult result() {
        return result;
    }

    /** The timeline the event at {@code index} of {@link #events()} was admitted into. */
    StoredTimeline timeline(int index) {
        return timelines.get(index);
    }
}
