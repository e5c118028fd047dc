package dev.timelines.bootstrap;

import dev.timelines.adapters.out.postgres.EmbeddedServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/**
 * Runs HTTP tests with {@code timelines.storage=postgres} against a real PostgreSQL server that the tests start
 * themselves ({@link EmbeddedServer}), in a database of their own, on a free port.
 */
public class PostgresStorage implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("timelines.storage", "postgres", "quarkus.http.test-port", "0");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(Server.class));
    }

    /** Points the datasource at a new database of the embedded server, which lives as long as the test JVM. */
    public static class Server implements QuarkusTestResourceLifecycleManager {

        @Override
        public Map<String, String> start() {
            return Map.of("quarkus.datasource.jdbc.url", EmbeddedServer.newDatabase(),
                    "quarkus.datasource.username", EmbeddedServer.USER);
        }

        @Override
        public void stop() {
            // the server stops with the JVM; its databases are temporary
        }
    }
}
