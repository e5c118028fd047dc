package dev.timelines.application.port.out;

import dev.timelines.domain.Timeline;
import dev.timelines.domain.TimelineEvent;
import dev.timelines.domain.TimelineKey;
import dev.timelines.domain.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** Reads one timeline as a consistent snapshot, and the store's events in arrival order. */
public interface TimelineReader {

    Optional<Timeline> timeline(TimelineKey key);

    /**
     * Hands over every stored event (of the one timeline, when given) in increasing seq order, as it reads them,
     * holding a bounded number of events at a time, not the store: for an export. Events stored or deleted while
     * it runs may or may not be handed over; each event is handed over at most once.
     */
    void inSeqOrder(Optional<TimelineKey> timeline, Consumer<TimelineEvent> event);

    /** The keys of the timelines whose latest event (by timestamp) is before {@code moment}, in any order. */
    List<TimelineKey> lastEventBefore(Timestamp moment);
}
