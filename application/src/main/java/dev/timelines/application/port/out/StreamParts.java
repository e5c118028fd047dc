package dev.timelines.application.port.out;

import dev.timelines.application.model.StreamStep;
import dev.timelines.application.port.in.StreamPosition;
import dev.timelines.domain.Attribute;
import dev.timelines.domain.JsonValue;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The histories of the parts of a store split over nodes, as the transitions stream reads them (docs/scaling.md,
 * "Kafka"). A timeline lives in exactly one part, and a part's seqs increase along its writes and are the same on
 * every node holding it, so each part has a stream of its own and the store's is their union.
 */
public interface StreamParts {

    /** How many parts the store has; a stream's position names one place in each. */
    int count();

    /**
     * This node's history of the part, with only the part's timelines and its durable seq the part's own, while this
     * node holds the part; empty when another node does. A history stays bound to what this node held when it was
     * returned: once the part moves away, it refuses every call ({@link StorageStartingException}).
     */
    Optional<StoreHistory> held(int part);

    /**
     * Asks the node holding the part for the step a stream of it continues with from {@code at} (what
     * {@code StreamPartUseCase.step} answers there). Completes exceptionally with {@link HistoryGoneException} when
     * that node no longer keeps the history after {@code at}, with {@code InvalidPositionException} when no stream
     * issued it, and with any other exception when no node answered for the part in time: asked again later.
     */
    CompletableFuture<Optional<StreamStep>> ask(int part, Attribute attribute, Optional<JsonValue> from,
            Optional<JsonValue> to, boolean entries, Optional<StreamPosition> at);

    /**
     * Calls {@code listener} (it must only schedule) whenever this node applied writes to a part it holds, or the
     * parts it holds changed; returns the handle that stops the calls. Other nodes do not tell: their parts are
     * asked again from time to time.
     */
    Runnable onApplied(Runnable listener);
}
