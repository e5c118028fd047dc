package dev.timelines.bootstrap;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready while storage takes writes; a journal turned read-only by a disk error reports down. */
@Readiness
@ApplicationScoped
public class StorageReadiness implements HealthCheck {

    private final Storage storage;

    public StorageReadiness(Storage storage) {
        this.storage = storage;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("storage").status(storage.writable().getAsBoolean()).build();
    }
}
