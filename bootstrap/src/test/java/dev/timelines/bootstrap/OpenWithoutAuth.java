package dev.timelines.bootstrap;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Listening on every interface with authentication off, as the packaged service does by default; the volatile
 * store, a free port, and the log also written, as JSON lines, to {@link #LOG}, which starts empty.
 */
public class OpenWithoutAuth implements QuarkusTestProfile {

    static final Path LOG = Path.of("target", "open-without-auth.log");

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "timelines.storage", "memory",
                "quarkus.http.test-port", "0",
                "quarkus.http.host", "0.0.0.0",
                "timelines.auth.enabled", "false",
                "quarkus.log.file.enabled", "true",
                "quarkus.log.file.path", LOG.toString(),
                "quarkus.log.file.json.enabled", "true");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(FreshLog.class));
    }

    /** Removes the log of an earlier run before the service starts. */
    public static class FreshLog implements QuarkusTestResourceLifecycleManager {

        @Override
        public Map<String, String> start() {
            try {
                Files.deleteIfExists(LOG);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Map.of();
        }

        @Override
        public void stop() {
            // the log stays for whoever reads the test's output
        }
    }
}
