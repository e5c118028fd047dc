package dev.timelines.bootstrap;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * CORS on for one origin, a browser dashboard's that reads with an API key, as docs/operations.md's example sets it
 * up (CORS); the volatile store, a free port.
 */
public class CorsAllowed implements QuarkusTestProfile {

    static final String DASHBOARD = "https://dashboard.example.com";
    static final String READ_KEY = "dashboard-s3cret";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "timelines.storage", "memory",
                "quarkus.http.test-port", "0",
                "quarkus.http.cors.enabled", "true",
                "quarkus.http.cors.origins", DASHBOARD,
                "quarkus.http.cors.exposed-headers", "Retry-After,Allow,WWW-Authenticate",
                "quarkus.http.cors.access-control-max-age", "24H",
                "timelines.auth.enabled", "true",
                "timelines.auth.keys", READ_KEY + "=read");
    }
}
