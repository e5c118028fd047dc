package dev.timelines.bootstrap;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Startup;

/**
 * The startup probe ({@code /q/health/started}): down until storage is open, a journal replayed. An orchestrator
 * holds its liveness probe back until then, so that a long replay is not taken for a hung process.
 */
@Startup
@ApplicationScoped
public class StorageStarted implements HealthCheck {

    private final StorageOpening opening;

    public StorageStarted(StorageOpening opening) {
        this.opening = opening;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("storage").status(opening.current().isPresent()).build();
    }
}
