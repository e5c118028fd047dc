package dev.timelines.domain;

import java.util.Comparator;
import java.util.Optional;

/**
 * An event stored in a timeline: the producer's timestamp, id and data, plus {@code seq} (its arrival
 * order in the store) and {@code received} (the server clock when it was accepted).
 */
public record Event(Timestamp timestamp, long seq, Timestamp received, Optional<EventId> id, JsonValue.Obj data) {

    /** Events of a timeline are ordered by (timestamp, seq): equal timestamps keep arrival order. */
    public static final Comparator<Event> TIMELINE_ORDER =
            Comparator.comparing(Event::timestamp).thenComparingLong(Event::seq);

    public Event {
        if (timestamp == null || received == null || id == null || data == null) {
            throw new IllegalArgumentException("a stored event needs a timestamp, received time, id and data");
        }
    }
}
