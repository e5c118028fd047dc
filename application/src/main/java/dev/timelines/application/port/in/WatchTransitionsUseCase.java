package dev.timelines.application.port.in;

import dev.timelines.application.model.TransitionChange;
import dev.timelines.domain.Attribute;
import dev.timelines.domain.JsonValue;
import java.util.List;
import java.util.Optional;

/**
 * The live transitions stream (docs/api.md, {@code /transitions/stream}): the changes to the set of transitions that
 * {@code /transitions} with the same filter lists, from a position on, each after the events causing it are durable.
 */
public interface WatchTransitionsUseCase {

    /**
     * Opens a stream of the transitions of the attribute from and to the values given (entries only when asked),
     * from the position {@code after} (a message's id, as the stream issued it), or from now when empty.
     *
     * @throws PositionGoneException if the store can no longer resume from {@code after}
     * @throws InvalidPositionException if no stream issued {@code after}
     */
    Watch watch(Attribute attribute, Optional<JsonValue> from, Optional<JsonValue> to, boolean entries,
            Optional<String> after);

    /** A change with the position a client resumes after it from, as its token. */
    record Message(String position, TransitionChange change) {
    }

    /** One client's place in the stream; the client pulls at its own pace. Not thread-safe. */
    interface Watch {

        /**
         * The next messages of the writes durable so far, at most {@code limit}; none when the client has caught up.
         *
         * @throws PositionGoneException if the client lagged so far behind that the changes it needs are gone
         */
        List<Message> next(int limit);

        /** Where the client stands, as a token: after the last message {@link #next} gave, or where it started. */
        String position();

        /**
         * Calls {@code listener} whenever new changes may be there, on the writer's thread or the storage's own: it
         * must only schedule. The handle returned stops the calls.
         */
        Runnable listen(Runnable listener);
    }
}
