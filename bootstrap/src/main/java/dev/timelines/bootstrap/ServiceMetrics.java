package dev.timelines.bootstrap;

import dev.timelines.adapters.in.rest.RequestRejected;
import dev.timelines.adapters.in.rest.StreamStatistics;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

/** The store's size as gauges, the transitions streams' figures, and refused requests counted by reason (docs/operations.md, Metrics). */
@Startup
@Singleton
public class ServiceMetrics {

    private final MeterRegistry registry;

    /** The size gauges appear once storage is open: a journal being replayed has no size to tell yet. */
    public ServiceMetrics(MeterRegistry registry, StorageOpening opening, StreamStatistics streams) {
        this.registry = registry;
        Gauge.builder("timelines.streams.open", streams, StreamStatistics::open)
                .description("Transitions streams open").register(registry);
        FunctionCounter.builder("timelines.streams.messages", streams, StreamStatistics::messagesSent)
                .description("Transition and retraction messages sent to stream clients").register(registry);
        FunctionCounter.builder("timelines.streams.dropped", streams, StreamStatistics::clientsDropped)
                .description("Stream clients disconnected for not keeping up").register(registry);
        opening.whenOpen(storage -> storage.size().ifPresent(size -> {
            Gauge.builder("timelines.store.timelines", size, s -> s.timelines().getAsLong())
                    .description("Timelines that hold events").strongReference(true).register(registry);
            Gauge.builder("timelines.store.events", size, s -> s.events().getAsLong())
                    .description("Events stored").strongReference(true).register(registry);
        }));
    }

    void rejected(@Observes RequestRejected rejected) {
        registry.counter("timelines.requests.rejected", "reason", rejected.reason()).increment();
    }
}
