package dev.timelines.bootstrap;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready while storage takes writes: down while it is being opened at start and its first questions asked
 * ({@link QuestionWarmUp}), and when a disk error turned a journal read-only.
 */
@Readiness
@ApplicationScoped
public class StorageReadiness implements HealthCheck {

    private final StorageOpening opening;

    public StorageReadiness(StorageOpening opening) {
        this.opening = opening;
    }

    @Override
    public HealthCheckResponse call() {
        return opening.current()
                .map(storage -> opening.warmedUp()
                        ? HealthCheckResponse.named("storage").status(storage.writable().getAsBoolean())
                        : HealthCheckResponse.named("storage").down().withData("warmingUp", true))
                .orElseGet(() -> HealthCheckResponse.named("storage").down().withData("opening", true))
                .build();
    }
}
