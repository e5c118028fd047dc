package dev.timelines.bootstrap;

import dev.timelines.adapters.out.postgres.EmbeddedServer;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link TransitionStreamProperties} on two instances of the packaged service sharing one PostgreSQL database:
 * every batch and deletion goes through one, the client streams from the other (which hears of the writes through
 * LISTEN/NOTIFY), and the streaming instance is restarted in the middle of scenarios, the client resuming with the
 * position it had: positions belong to the database, not to an instance (docs/api.md, Live transitions).
 */
class PostgresStreamInstancesIT {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @Test
    void theFoldOfTheStreamFromOneInstanceEqualsTheListAfterIngestThroughTheOther() throws Exception {
        Path jar = Path.of(System.getProperty("timelines.jar", "target/quarkus-app/quarkus-run.jar"));
        String database = EmbeddedServer.newDatabase();
        try (ServiceProcess ingest = start(jar, database, "ingest.log")) {
            Instances instances = new Instances(jar, database, ingest);
            try {
                TransitionStreamProperties properties = new TransitionStreamProperties(instances);
                for (TransitionStreamProperties.Scenario scenario : TransitionStreamProperties.scenarios(10, 1)) {
                    properties.check(scenario);
                }
            } finally {
                instances.streaming.close();
            }
        }
    }

    private ServiceProcess start(Path jar, String database, String log) throws Exception {
        return ServiceProcess.startOnPostgres(jar, database, EmbeddedServer.USER, dir.resolve(log), START_TIMEOUT,
                "-Xmx256m");
    }

    /** Ingest through one instance, stream from the other; a restart is one of the streaming instance. */
    private final class Instances implements TransitionStreamProperties.Service {

        private final Path jar;
        private final String database;
        private final ServiceProcess ingesting;
        private ServiceProcess streaming;

        Instances(Path jar, String database, ServiceProcess ingesting) throws Exception {
            this.jar = jar;
            this.database = database;
            this.ingesting = ingesting;
            this.streaming = start(jar, database, "stream.log");
        }

        @Override
        public String ingestBase() {
            return ingesting.base();
        }

        @Override
        public String streamBase() {
            return streaming.base();
        }

        @Override
        public void restart() throws Exception {
            streaming.close();
            streaming = start(jar, database, "stream.log");
        }
    }
}
