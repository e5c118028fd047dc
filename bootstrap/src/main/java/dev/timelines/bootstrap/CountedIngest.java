package dev.timelines.bootstrap;

import dev.timelines.application.port.in.IngestEventsUseCase;
import dev.timelines.domain.IncomingEvent;
import dev.timelines.domain.IngestResult;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;

/** Counts what ingest stored and what it skipped as duplicates, around the use case, which stays unaware. */
final class CountedIngest implements IngestEventsUseCase {

    private final IngestEventsUseCase ingest;
    private final Counter accepted;
    private final Counter duplicates;

    CountedIngest(IngestEventsUseCase ingest, MeterRegistry registry) {
        this.ingest = ingest;
        this.accepted = Counter.builder("timelines.events.ingested")
                .description("Events stored (durable before the reply)").register(registry);
        this.duplicates = Counter.builder("timelines.events.duplicates")
                .description("Events skipped because their id was already stored").register(registry);
    }

    @Override
    public IngestResult ingest(List<IncomingEvent> events) {
        IngestResult result = ingest.ingest(events);
        accepted.increment(result.accepted());
        duplicates.increment(result.duplicates());
        return result;
    }
}
