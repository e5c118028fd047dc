package dev.timelines.bootstrap;

import dev.timelines.application.port.out.IndexedAnswers;
import dev.timelines.application.port.out.ReferenceStorage;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * The naive reference storage of the application's tests as the service's storage: scans only, no fast path.
 * Enabled by {@link ReferenceStorageProfile} alone.
 */
@Alternative
public class ReferenceStorageProducer {

    @Produces
    @Singleton
    Storage storage() {
        ReferenceStorage storage = new ReferenceStorage();
        return new Storage(storage, storage, storage, IndexedAnswers.NONE, storage, () -> true, () -> { }, Optional.empty());
    }
}
