package dev.timelines.application.service;

import dev.timelines.application.model.StreamStep;
import dev.timelines.application.port.in.InvalidPositionException;
import dev.timelines.application.port.in.PositionGoneException;
import dev.timelines.application.port.in.StreamPosition;
import dev.timelines.application.port.out.HistoryGoneException;
import dev.timelines.application.port.out.StoreHistory;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The steps of one history as positions continue them: whether a stream of it could have issued a position, and the
 * step a stream goes on with from it. For the stream of a whole store ({@link TransitionStreamService}) and for the
 * streams of the parts of a store split over nodes ({@link PartitionedStreamService}).
 */
final class HistorySteps {

    private final StoreHistory history;
    private final StepEnds ends;

    HistorySteps(StoreHistory history, long maxStep) {
        this.history = history;
        this.ends = new StepEnds(history, maxStep);
    }

    StoreHistory history() {
        return history;
    }

    StepEnds ends() {
        return ends;
    }

    /**
     * The step ({@code after}, {@code upTo}] of the position, recomputed: the client skips the messages it was sent.
     *
     * @throws InvalidPositionException if no stream of this history issued the position
     * @throws PositionGoneException if the history after it is no longer kept
     */
    StreamStep resumed(StreamSelection selection, StreamPosition position) {
        long durable = history.durable();
        if (position.upTo() > durable) {
            throw new InvalidPositionException(position.token());
        }
        StreamStep step = available(() -> {
            // No step issued was longer than one would be now: the durable seq only rises.
            if (position.upTo() > ends.from(position.after(), durable)) {
                throw new InvalidPositionException(position.token());
            }
            return selection.step(history, position.after(), position.upTo());
        });
        if (position.sent() > step.messages().size()) {
            throw new InvalidPositionException(position.token());
        }
        return step;
    }

    /**
     * What a stream of one part goes on with from a position ({@code StreamPartUseCase.step}): where it starts now,
     * the step it is in the middle of, or the step after the one it ended; {@code next} gives that one (possibly
     * shared), empty when nothing is durable after it yet.
     */
    Optional<StreamStep> continued(StreamSelection selection, Optional<StreamPosition> at) {
        if (at.isEmpty()) {
            return Optional.of(StreamStep.at(history.durable()));
        }
        StreamStep step = resumed(selection, at.get());
        if (at.get().upTo() > at.get().after()) {
            return Optional.of(step);
        }
        long after = at.get().after();
        return available(() -> {
            long upTo = ends.from(after, history.durable());
            return upTo > after ? Optional.of(selection.step(history, after, upTo)) : Optional.empty();
        });
    }

    /** Reads the history, a part of it no longer kept being a position gone. */
    static <T> T available(Supplier<T> read) {
        try {
            return read.get();
        } catch (HistoryGoneException e) {
            throw gone(e);
        }
    }

    /** What a client is told of history no longer kept. */
    static PositionGoneException gone(HistoryGoneException e) {
        return new PositionGoneException("the store no longer keeps the changes after this position ("
                + e.getMessage() + "); start again without a position");
    }
}
