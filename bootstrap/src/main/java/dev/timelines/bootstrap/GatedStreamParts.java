package dev.timelines.bootstrap;

import dev.timelines.adapters.out.kafka.ClusterParts;
import dev.timelines.application.model.StreamStep;
import dev.timelines.application.port.in.StreamPosition;
import dev.timelines.application.port.out.StorageUnavailableException;
import dev.timelines.application.port.out.StoreHistory;
import dev.timelines.application.port.out.StreamParts;
import dev.timelines.domain.Attribute;
import dev.timelines.domain.JsonValue;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The partitions of a Kafka cluster as the transitions stream reads them ({@link ClusterParts#streamParts()}), once
 * the storage is open: a 503 before, as every port ({@link GatedStorage}). A storage held whole by one node has none.
 */
final class GatedStreamParts implements StreamParts {

    private final StorageOpening opening;

    GatedStreamParts(StorageOpening opening) {
        this.opening = opening;
    }

    private StreamParts parts() {
        if (opening.require().others() instanceof ClusterParts cluster) {
            return cluster.streamParts();
        }
        throw new StorageUnavailableException("this node's storage is not split over nodes", null);
    }

    @Override
    public int count() {
        return parts().count();
    }

    @Override
    public Optional<StoreHistory> held(int part) {
        return parts().held(part);
    }

    @Override
    public CompletableFuture<Optional<StreamStep>> ask(int part, Attribute attribute, Optional<JsonValue> from,
            Optional<JsonValue> to, boolean entries, Optional<StreamPosition> at) {
        return parts().ask(part, attribute, from, to, entries, at);
    }

    @Override
    public Runnable onApplied(Runnable listener) {
        return parts().onApplied(listener);
    }
}
