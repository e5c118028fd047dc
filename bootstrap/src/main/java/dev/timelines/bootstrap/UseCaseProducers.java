package dev.timelines.bootstrap;

import dev.timelines.application.port.in.DeleteTimelineUseCase;
import dev.timelines.application.port.in.IngestEventsUseCase;
import dev.timelines.application.port.in.InspectTimelineUseCase;
import dev.timelines.application.port.out.EventLog;
import dev.timelines.application.port.out.TimelineReader;
import dev.timelines.application.service.DeleteTimelineService;
import dev.timelines.application.service.IngestEventsService;
import dev.timelines.application.service.InspectTimelineService;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/** Builds the application services, which stay free of CDI, on top of the configured storage ports. */
public class UseCaseProducers {

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @Singleton
    IngestEventsUseCase ingestEvents(EventLog log, Clock clock) {
        return new IngestEventsService(log, clock);
    }

    @Produces
    @Singleton
    InspectTimelineUseCase inspectTimeline(TimelineReader reader) {
        return new InspectTimelineService(reader);
    }

    @Produces
    @Singleton
    DeleteTimelineUseCase deleteTimeline(EventLog log) {
        return new DeleteTimelineService(log);
    }
}
