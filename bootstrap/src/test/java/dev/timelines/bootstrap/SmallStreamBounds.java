package dev.timelines.bootstrap;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** The transitions stream with bounds small enough to reach in a test: memory storage, on a free port. */
public class SmallStreamBounds implements QuarkusTestProfile {

    /** Seqs the memory engine remembers: more than a test's batch, fewer than a test writes to reach the horizon. */
    static final int RETAINED = 1000;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("timelines.storage", "memory", "quarkus.http.test-port", "0",
                "timelines.stream.keep-alive", "1s",
                "timelines.stream.buffer", "5",
                "timelines.stream.max-stall", "1s",
                "timelines.stream.retained-seqs", Integer.toString(RETAINED));
    }
}
