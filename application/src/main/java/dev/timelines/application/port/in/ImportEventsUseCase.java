package dev.timelines.application.port.in;

import dev.timelines.domain.IngestResult;
import dev.timelines.domain.TimelineEvent;
import java.util.List;

/** Stores exported events again as they were: seq, received and id kept; all or nothing, durable on return. */
public interface ImportEventsUseCase {

    /**
     * @throws dev.timelines.domain.InvalidValueException when the events are not in increasing seq order, or a
     *     later seq was received earlier
     * @throws dev.timelines.application.port.out.SeqConflictException when the first seq is not above every seq
     *     the store has given
     */
    IngestResult restore(List<TimelineEvent> events);
}
