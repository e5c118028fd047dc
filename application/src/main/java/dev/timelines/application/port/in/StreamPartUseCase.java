package dev.timelines.application.port.in;

import dev.timelines.application.model.StreamStep;
import dev.timelines.domain.Attribute;
import dev.timelines.domain.JsonValue;
import java.util.Optional;

/**
 * The transitions stream of one part of a store split over nodes, as the node serving a client asks the part's owner
 * (docs/scaling.md, "Kafka"): the step a stream of the part continues with from a position.
 */
public interface StreamPartUseCase {

    /**
     * Without a position, the step of no writes at the part's durable seq (where a stream starting now stands). With
     * one in the middle of a step (S, U], that step, recomputed, the client skipping the messages it was sent; with
     * one at a step's end S, the next step after S, empty when nothing is durable after S yet.
     *
     * @throws PositionGoneException if the part no longer keeps the history after the position
     * @throws InvalidPositionException if no stream of the part issued the position
     * @throws dev.timelines.domain.DomainException a 503 when this node does not hold the part (any more)
     */
    Optional<StreamStep> step(int part, Attribute attribute, Optional<JsonValue> from, Optional<JsonValue> to,
            boolean entries, Optional<StreamPosition> at);
}
