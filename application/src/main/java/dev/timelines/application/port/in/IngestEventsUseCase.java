package dev.timelines.application.port.in;

import dev.timelines.domain.IncomingEvent;
import dev.timelines.domain.IngestResult;
import java.util.List;

/** Stores a request's events, all or nothing, and returns once they are durable. */
public interface IngestEventsUseCase {

    IngestResult ingest(List<IncomingEvent> events);
}
