package dev.timelines.bootstrap;

import dev.timelines.adapters.out.journal.FsyncListener;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Latency histograms for Prometheus: of every HTTP endpoint, and of the journal's fsyncs (docs/operations.md). */
public class MetricsProducers {

    private static final String HTTP_REQUESTS = "http.server.requests";
    /** Request buckets: below a millisecond nothing needs telling apart; past ten seconds a client gave up. */
    private static final Duration FASTEST_REQUEST = Duration.ofMillis(1);
    private static final Duration SLOWEST = Duration.ofSeconds(10);
    /** An fsync on a good SSD takes well under a millisecond; the buckets must tell those apart too. */
    private static final Duration FASTEST_FSYNC = Duration.ofNanos(50_000);

    /** Histogram buckets on the request timer that Quarkus keeps per method, endpoint template and status. */
    @Produces
    @Singleton
    MeterFilter httpLatencyHistograms() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!id.getName().equals(HTTP_REQUESTS)) {
                    return config;
                }
                return histogram().merge(config);
            }
        };
    }

    /** The journal reports each fsync's duration here; it knows nothing of Micrometer. */
    @Produces
    @Singleton
    FsyncListener fsyncTimer(MeterRegistry registry) {
        Timer timer = Timer.builder("timelines.journal.fsync")
                .description("How long each fsync of the journal's segment took")
                .publishPercentileHistogram()
                .minimumExpectedValue(FASTEST_FSYNC)
                .maximumExpectedValue(SLOWEST)
                .register(registry);
        return nanos -> timer.record(nanos, TimeUnit.NANOSECONDS);
    }

    private static DistributionStatisticConfig histogram() {
        return DistributionStatisticConfig.builder()
                .percentilesHistogram(true)
                .minimumExpectedValue((double) FASTEST_REQUEST.toNanos())
                .maximumExpectedValue((double) SLOWEST.toNanos())
                .build();
    }
}
