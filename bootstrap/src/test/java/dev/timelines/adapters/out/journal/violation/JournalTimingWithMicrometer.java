package dev.timelines.adapters.out.journal.violation;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.TimeUnit;

/** Breaks the storage engines' rule on purpose, so that ArchitectureTest can show the rule bites. */
public class JournalTimingWithMicrometer {

    private final Timer fsyncs = Timer.builder("fsync").register(new SimpleMeterRegistry());

    public void fsynced(long nanos) {
        fsyncs.record(nanos, TimeUnit.NANOSECONDS);
    }
}
