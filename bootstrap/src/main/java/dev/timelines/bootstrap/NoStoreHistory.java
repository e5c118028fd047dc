package dev.timelines.bootstrap;

import dev.timelines.application.port.out.StorageUnavailableException;
import dev.timelines.application.port.out.StoreHistory;
import dev.timelines.domain.Timeline;
import dev.timelines.domain.TimelineKey;
import java.util.Optional;
import java.util.Set;

/**
 * The history of a storage that does not keep one for the transitions stream yet: every call is refused with a 503
 * naming the storage (docs/api.md, {@code /transitions/stream}), rather than a stream that would miss changes.
 */
record NoStoreHistory(String storage) implements StoreHistory {

    private StorageUnavailableException refused() {
        return new StorageUnavailableException("the transitions stream is not available with the " + storage
                + " storage yet; /transitions answers the same set on request", null);
    }

    @Override
    public long durable() {
        throw refused();
    }

    @Override
    public long horizon() {
        throw refused();
    }

    @Override
    public Set<TimelineKey> changed(long after, long upTo) {
        throw refused();
    }

    @Override
    public Optional<Timeline> asOf(TimelineKey key, long seq) {
        throw refused();
    }

    @Override
    public Runnable onDurable(Runnable listener) {
        throw refused();
    }
}
