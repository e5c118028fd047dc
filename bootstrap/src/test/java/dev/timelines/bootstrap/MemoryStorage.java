package dev.timelines.bootstrap;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * Runs HTTP contract tests on the volatile store, on a free port: they test the API, not durability, and share
 * neither files nor a port with other builds on the same machine.
 */
public class MemoryStorage implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("timelines.storage", "memory", "quarkus.http.test-port", "0");
    }
}
