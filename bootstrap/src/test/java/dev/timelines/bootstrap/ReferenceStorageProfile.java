package dev.timelines.bootstrap;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;
import java.util.Set;

/**
 * Runs HTTP tests on the reference storage (scans only): a fourth storage adapter needs no more than
 * {@link dev.timelines.application.port.out.StoreScans} to answer every endpoint.
 */
public class ReferenceStorageProfile implements QuarkusTestProfile {

    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(ReferenceStorageProducer.class);
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("timelines.storage", "memory", "quarkus.http.test-port", "0");
    }
}
