package dev.timelines.domain;

import java.util.Optional;

/** An event as a producer sends it, before the store gives it its arrival order. */
public record IncomingEvent(TimelineKey timeline, Timestamp timestamp, Optional<EventId> id, JsonValue.Obj data) {

    public IncomingEvent {
        if (timeline == null || timestamp == null || id == null || data == null) {
            throw new IllegalArgumentException("an event needs a timeline, a timestamp, an optional id and data");
        }
    }

    /** The stored event this becomes once the store assigns {@code seq} and its reception time. */
    public Event stored(long seq, Timestamp received) {
        return new Event(timestamp, seq, received, id, data);
    }
}
