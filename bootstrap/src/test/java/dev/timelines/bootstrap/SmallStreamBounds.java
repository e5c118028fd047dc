package dev.timelines.bootstrap;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/** The transitions stream with bounds small enough to reach in a test: memory storage, on a free port. */
public class SmallStreamBounds implements QuarkusTestProfile {

    static final int RETAINED = 20;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("timelines.storage", "memory", "quarkus.http.test-port", "0",
                "timelines.stream.keep-alive", "1s",
                "timelines.stream.buffer", "5",
                "timelines.stream.max-stall", "1s",
                "timelines.stream.retained-changes", Integer.toString(RETAINED));
    }
}
