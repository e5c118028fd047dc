package dev.timelines.application.port.out;

import dev.timelines.application.question.Listing;
import dev.timelines.application.question.PartialAnswer;
import dev.timelines.application.question.PartialQuestion;
import dev.timelines.domain.Attribute;
import java.util.function.Supplier;

/**
 * The parts of the store that other nodes hold, in the cluster mode (docs/scaling.md, "Kafka"): each answers a
 * question across timelines for its own timelines, and their partial answers merge with this node's by
 * {@link PartialAnswer#merge}; so do the listings of keys, attribute names and values ({@link Listing}). A store
 * on one node has no other part.
 */
public interface OtherParts {

    /** A store held whole by this node. */
    OtherParts NONE = new OtherParts() {
        @Override
        public <P extends PartialAnswer<P, ?, ?>> P merged(Attribute attribute, PartialQuestion<P> question,
                Supplier<P> part) {
            return part.get();
        }

        @Override
        public <T> T listed(Listing<T> listing, Supplier<T> part) {
            return part.get();
        }
    };

    /**
     * This node's partial answer ({@code part} computes it, spelled) merged with those of every other part, asked
     * the same question. Throws {@link StorageStartingException} naming the parts that did not answer in time: never
     * a silently partial answer.
     */
    <P extends PartialAnswer<P, ?, ?>> P merged(Attribute attribute, PartialQuestion<P> question, Supplier<P> part);

    /**
     * This node's listing ({@code part} lists it) merged with that of every other part by {@link Listing#merge}.
     * Throws {@link StorageStartingException} naming the parts that did not answer in time.
     */
    <T> T listed(Listing<T> listing, Supplier<T> part);
}
