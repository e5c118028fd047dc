package dev.timelines.application.port.out;

import dev.timelines.domain.IncomingEvent;
import dev.timelines.domain.IngestResult;
import dev.timelines.domain.TimelineKey;
import dev.timelines.domain.Timestamp;
import java.util.List;

/** The write side of storage: appends events and forgets timelines, durably as the adapter promises. */
public interface EventLog {

    /**
     * Stores the batch as one unit, giving each new event the next {@code seq} in the order given. An event
     * whose id its timeline already holds, or an earlier event of the batch holds, is a duplicate and is
     * not stored. Returns only once the stored events are durable.
     */
    IngestResult append(List<IncomingEvent> events, Timestamp received);

    /** Removes the timeline with its event ids; false when it had no events. */
    boolean delete(TimelineKey key);
}
