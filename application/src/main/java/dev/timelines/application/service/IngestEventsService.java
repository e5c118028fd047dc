package dev.timelines.application.service;

import dev.timelines.application.port.in.IngestEventsUseCase;
import dev.timelines.application.port.out.EventLog;
import dev.timelines.domain.IncomingEvent;
import dev.timelines.domain.IngestResult;
import dev.timelines.domain.Timestamp;
import java.time.Clock;
import java.util.List;

/** Hands a validated request to the event log, stamped with the time it was received. */
public final class IngestEventsService implements IngestEventsUseCase {

    private final EventLog log;
    private final Clock clock;

    public IngestEventsService(EventLog log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    @Override
    public IngestResult ingest(List<IncomingEvent> events) {
        if (events.isEmpty()) {
            return IngestResult.NOTHING;
        }
        return log.append(events, Timestamp.of(clock.instant()));
    }
}
