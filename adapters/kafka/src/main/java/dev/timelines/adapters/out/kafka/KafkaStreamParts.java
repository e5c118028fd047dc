package dev.timelines.adapters.out.kafka;

import dev.timelines.application.model.StreamStep;
import dev.timelines.application.port.in.InvalidPositionException;
import dev.timelines.application.port.in.PositionGoneException;
import dev.timelines.application.port.in.StreamPartUseCase;
import dev.timelines.application.port.in.StreamPosition;
import dev.timelines.application.port.out.HistoryGoneException;
import dev.timelines.application.port.out.StorageStartingException;
import dev.timelines.application.port.out.StoreHistory;
import dev.timelines.application.port.out.StreamParts;
import dev.timelines.domain.Attribute;
import dev.timelines.domain.JsonValue;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The partitions of the topic as the transitions stream reads them (docs/scaling.md, "Kafka"): a partition this node
 * owns and has applied is read from its engine ({@link PartitionHistory}); any other is asked of its owner, found
 * through the group's assignment ({@link PartitionOwners}), over the same transport and endpoint as the questions
 * ({@link PartialCodec.StreamStepAsked}). A reply not covering the partition (the group moved it) or none within the
 * timeout is no answer: the stream asks again.
 */
public final class KafkaStreamParts implements StreamParts {

    private final KafkaEventStore store;
    private final PartTransport transport;
    private final Duration timeout;
    private final PartialCodec codec = new PartialCodec();

    public KafkaStreamParts(KafkaEventStore store, PartTransport transport, Duration timeout) {
        this.store = store;
        this.transport = transport;
        this.timeout = timeout;
    }

    @Override
    public int count() {
        return store.partitionCount();
    }

    @Override
    public Optional<StoreHistory> held(int part) {
        AppliedStore local;
        try {
            local = store.part();
        } catch (StorageStartingException notCaughtUp) {
            return Optional.empty();
        }
        return local.owned().contains(part) ? Optional.of(new PartitionHistory(store, local, part)) : Optional.empty();
    }

    @Override
    public CompletableFuture<Optional<StreamStep>> ask(int part, Attribute attribute, Optional<JsonValue> from,
            Optional<JsonValue> to, boolean entries, Optional<StreamPosition> at) {
        String owner = store.owners().byPartition().get(part);
        if (owner == null || owner.equals(store.owners().address())) {
            return CompletableFuture.failedFuture(new StorageStartingException("partition " + part + " of topic "
                    + store.topic() + " has no owner caught up (its owner: " + owner + ")"));
        }
        byte[] asked = codec.writeStreamStepRequest(new PartialCodec.StreamStepAsked(part, attribute, from, to,
                entries, at));
        return transport.ask(owner, asked).orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).thenApply(reply -> {
            if (!reply.positions().containsKey(part)) {
                throw new StorageStartingException("the node at " + owner + " no longer owns partition " + part);
            }
            PartialCodec.ShippedStep shipped = codec.readStep(reply.shipped());
            if (shipped.gone().isPresent()) {
                throw new HistoryGoneException(shipped.gone().get());
            }
            if (shipped.invalid().isPresent()) {
                throw new InvalidPositionException(at.map(StreamPosition::token).orElse(""), shipped.invalid().get());
            }
            return shipped.step();
        });
    }

    @Override
    public Runnable onApplied(Runnable listener) {
        return store.onApplied(listener);
    }

    /**
     * What this node answers another that asks for a step of a partition it owns: the step, or why the position
     * cannot go on (told in the reply, as the asker must tell its client, not take it for a node that did not answer).
     */
    byte[] answer(PartialCodec.StreamStepAsked asked, StreamPartUseCase streams) {
        PartialCodec.ShippedStep shipped;
        try {
            shipped = new PartialCodec.ShippedStep(streams.step(asked.partition(), asked.attribute(), asked.from(),
                    asked.to(), asked.entries(), asked.at()), Optional.empty(), Optional.empty());
        } catch (PositionGoneException e) {
            shipped = new PartialCodec.ShippedStep(Optional.empty(), Optional.of(e.getMessage()), Optional.empty());
        } catch (InvalidPositionException e) {
            shipped = new PartialCodec.ShippedStep(Optional.empty(), Optional.empty(), Optional.of(e.getMessage()));
        }
        return codec.writeStep(shipped);
    }
}
