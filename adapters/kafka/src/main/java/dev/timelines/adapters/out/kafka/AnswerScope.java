package dev.timelines.adapters.out.kafka;

import java.util.SortedMap;
import java.util.SortedSet;

/**
 * What the request being answered allows and is told (docs/scaling.md, "Kafka"): whether its client takes an answer
 * that some partitions are missing from ({@code partial=true}), and which positions the answer reflects.
 */
public interface AnswerScope {

    /** Complete answers only, nothing told: a node answering outside any request. */
    AnswerScope COMPLETE = new AnswerScope() {
        @Override
        public boolean partialAllowed() {
            return false;
        }

        @Override
        public void reflect(SortedMap<Integer, Long> answered, SortedSet<Integer> missing) {
        }
    };

    /** Whether an answer missing the partitions whose owners did not answer in time is wanted, marked so. */
    boolean partialAllowed();

    /** The position of every partition the answer reflects, and the partitions it is missing (none when complete). */
    void reflect(SortedMap<Integer, Long> answered, SortedSet<Integer> missing);
}
