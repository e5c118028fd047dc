package dev.timelines.bootstrap;

import io.quarkus.arc.Arc;
import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import java.time.Duration;

/**
 * Before each {@code @QuarkusTest} test: waits until the service's storage is open. Storage opens on a thread of
 * its own while HTTP already answers (503 meanwhile, docs/operations.md, Start); the HTTP tests test the open
 * service, so they must not race its opening. {@code StorageOpeningTest} and
 * {@code StartDuringReplayIT} test the opening itself.
 */
public class AwaitStorage implements QuarkusTestBeforeEachCallback {

    private static final Duration OPEN_WITHIN = Duration.ofMinutes(2);

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        if (context.getTestInstance().getClass().isAnnotationPresent(HeldStorage.NotAwaited.class)) {
            return;
        }
        try {
            if (!Arc.container().instance(StorageOpening.class).get().awaitOpen(OPEN_WITHIN)) {
                throw new IllegalStateException("storage did not open within " + OPEN_WITHIN);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
