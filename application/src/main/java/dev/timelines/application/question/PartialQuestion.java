package dev.timelines.application.question;

import dev.timelines.application.port.out.IndexedAnswers;
import dev.timelines.domain.Attribute;

/**
 * A question across timelines as data: its parameters, what makes an empty partial answer of it, and which fast
 * path of a storage fills one. It is what a node sends to the owners of other parts of the store, so that each
 * answers it for its part (docs/scaling.md, "Kafka"): records only, so that it travels as its components.
 *
 * @param <P> the partial answer it is answered with
 */
public sealed interface PartialQuestion<P extends PartialAnswer<P, ?, ?>> permits RetractableQuestion,
        KeyRun.InState, KeyRun.InStateDuring, TransitionRun.Question, StuckRun.Question {

    /** A new, empty partial answer of this question. */
    P ask();

    /** Fills the partial through the storage's fast path for this question; false when it offers none. */
    boolean fastPath(IndexedAnswers indexed, Attribute attribute, P partial);
}
