package dev.timelines.bootstrap;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link TransitionStreamProperties} on the packaged service storing in a journal, stopped and started again on the
 * same directory in the middle of scenarios: the client resumes with the position it had before the restart, and
 * the fold of everything it received still equals {@code /transitions} (positions survive a restart, docs/api.md).
 */
class StreamRestartIT {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    @Test
    void theFoldEqualsTheListAcrossRestarts() throws Exception {
        Path jar = Path.of(System.getProperty("timelines.jar", "target/quarkus-app/quarkus-run.jar"));
        Path data = dir.resolve("data");
        Path log = dir.resolve("service.log");
        Restartable service = new Restartable(jar, data, log);
        try {
            TransitionStreamProperties properties = new TransitionStreamProperties(service);
            for (TransitionStreamProperties.Scenario scenario : TransitionStreamProperties.scenarios(6, 1)) {
                properties.check(scenario);
            }
            assertTrue(service.restarts > 0, "the scenarios restarted the service (seed "
                    + TransitionStreamProperties.SEED + ")");
        } finally {
            service.process.close();
        }
    }

    /** One service process at a time on the journal directory; a restart is a graceful stop and a new start. */
    private static final class Restartable implements TransitionStreamProperties.Service {

        private final Path jar;
        private final Path data;
        private final Path log;
        private ServiceProcess process;
        private int restarts;

        Restartable(Path jar, Path data, Path log) throws Exception {
            this.jar = jar;
            this.data = data;
            this.log = log;
            this.process = ServiceProcess.start(jar, data, log, START_TIMEOUT, "-Xmx256m");
        }

        @Override
        public String ingestBase() {
            return process.base();
        }

        @Override
        public String streamBase() {
            return process.base();
        }

        @Override
        public void restart() throws Exception {
            process.close();
            process = ServiceProcess.start(jar, data, log, START_TIMEOUT, "-Xmx256m");
            restarts++;
        }
    }
}
