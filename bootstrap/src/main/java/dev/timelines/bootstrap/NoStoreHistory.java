package dev.timelines.bootstrap;

import dev.timelines.application.port.out.StorageUnavailableException;
import dev.timelines.application.port.out.StoreHistory;
import dev.timelines.domain.Timeline;
import dev.timelines.domain.TimelineKey;
import java.util.Optional;
import java.util.Set;

/**
 * The history of the whole store where there is none: on Kafka each node applies its partitions on its own, and the
 * stream reads one history per partition instead ({@code StreamParts}). Every call is refused with a 503 naming the
 * storage, rather than a stream that would miss changes.
 */
record NoStoreHistory(String storage) implements StoreHistory {

    private StorageUnavailableException refused() {
        return new StorageUnavailableException("the " + storage + " storage keeps no history of the whole store, only"
                + " one per partition", null);
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
