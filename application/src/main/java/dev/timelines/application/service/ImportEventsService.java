package dev.timelines.application.service;

import dev.timelines.application.port.in.ImportEventsUseCase;
import dev.timelines.application.port.out.EventLog;
import dev.timelines.domain.Event;
import dev.timelines.domain.IngestResult;
import dev.timelines.domain.InvalidValueException;
import dev.timelines.domain.TimelineEvent;
import java.util.List;

/**
 * Hands exported events to the event log after checking they are in the order a store gives them: seq increasing,
 * and received never earlier than for a lower seq (every store relies on reception following seq to answer as
 * known at a moment, docs/semantics.md).
 */
public final class ImportEventsService implements ImportEventsUseCase {

    private final EventLog log;

    public ImportEventsService(EventLog log) {
        this.log = log;
    }

    @Override
    public IngestResult restore(List<TimelineEvent> events) {
        if (events.isEmpty()) {
            return IngestResult.NOTHING;
        }
        for (int i = 1; i < events.size(); i++) {
            Event before = events.get(i - 1).event();
            Event event = events.get(i).event();
            if (event.seq() <= before.seq()) {
                throw new InvalidValueException("seq " + event.seq() + " comes after seq " + before.seq()
                        + ": an import lists its events in increasing seq order, as an export writes them");
            }
            if (event.received().isBefore(before.received())) {
                throw new InvalidValueException("seq " + event.seq() + " was received at " + event.received()
                        + ", before seq " + before.seq() + " (" + before.received()
                        + "): reception follows seq in every store");
            }
        }
        return log.restore(events);
    }
}
