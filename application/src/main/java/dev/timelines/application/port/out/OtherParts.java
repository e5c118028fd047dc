package dev.timelines.application.port.out;

import dev.timelines.application.question.PartialAnswer;
import dev.timelines.application.question.PartialQuestion;
import dev.timelines.domain.Attribute;
import java.util.function.Supplier;

/**
 * The parts of the store that other nodes hold, in the cluster mode (docs/scaling.md, "Kafka"): each answers a
 * question across timelines for its own timelines, and their partial answers merge with this node's by
 * {@link PartialAnswer#merge}. A store on one node has no other part.
 */
public interface OtherParts {

    /** A store held whole by this node. */
    OtherParts NONE = new OtherParts() {
        @Override
        public <P extends PartialAnswer<P, ?, ?>> P merged(Attribute attribute, PartialQuestion<P> question,
                Supplier<P> part) {
            return part.get();
        }
    };

    /**
     * This node's partial answer ({@code part} computes it, spelled) merged with those of every other part, asked
     * the same question. Throws {@link StorageStartingException} naming the parts that did not answer in time: never
     * a silently partial answer.
     */
    <P extends PartialAnswer<P, ?, ?>> P merged(Attribute attribute, PartialQuestion<P> question, Supplier<P> part);
}
