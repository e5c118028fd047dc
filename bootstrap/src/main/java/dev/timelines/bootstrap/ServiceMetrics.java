package dev.timelines.bootstrap;

import dev.timelines.adapters.in.rest.RequestRejected;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

/** The store's size as gauges, and refused requests counted by reason (docs/operations.md, Metrics). */
@Startup
@Singleton
public class ServiceMetrics {

    private final MeterRegistry registry;

    public ServiceMetrics(MeterRegistry registry, Storage storage) {
        this.registry = registry;
        storage.size().ifPresent(size -> {
            Gauge.builder("timelines.store.timelines", size, s -> s.timelines().getAsLong())
                    .description("Timelines that hold events").strongReference(true).register(registry);
            Gauge.builder("timelines.store.events", size, s -> s.events().getAsLong())
                    .description("Events stored").strongReference(true).register(registry);
        });
    }

    void rejected(@Observes RequestRejected rejected) {
        registry.counter("timelines.requests.rejected", "reason", rejected.reason()).increment();
    }
}
