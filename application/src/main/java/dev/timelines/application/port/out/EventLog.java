package dev.timelines.application.port.out;

import dev.timelines.domain.IncomingEvent;
import dev.timelines.domain.IngestResult;
import dev.timelines.domain.TimelineEvent;
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

    /**
     * Stores exported events again as one unit, keeping their {@code seq}, {@code received} and id. The events
     * come in increasing seq order (the service checks); the first must lie above every seq the store has given,
     * else {@link SeqConflictException} and nothing is stored. Ids are duplicates as for {@link #append}. Seqs given
     * afterwards follow the highest seq of the request. Returns only once the stored events are durable.
     */
    IngestResult restore(List<TimelineEvent> events);

    /**
     * Removes the timeline with its event ids; false when it had no events. The one way a timeline is deleted:
     * by its key, and by retention ({@code RetentionService}).
     */
    boolean delete(TimelineKey key);
}
