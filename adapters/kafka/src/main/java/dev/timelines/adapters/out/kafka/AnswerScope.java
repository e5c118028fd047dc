package dev.timelines.adapters.out.kafka;

import java.util.Collections;
import java.util.SortedMap;
import java.util.SortedSet;

/**
 * What the request being answered allows and is told (docs/scaling.md, "Kafka"): whether its client takes an answer
 * that some partitions are missing from ({@code partial=true}), which positions it must reflect at least, and which
 * positions the answer reflects.
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

    /**
     * The position of every partition the answer reflects, and the partitions it is missing (none when complete); of
     * a write, the positions it wrote.
     */
    void reflect(SortedMap<Integer, Long> answered, SortedSet<Integer> missing);

    /**
     * The position of each partition the answer must reflect at least (read-your-writes: the positions a write
     * replied with); every owner waits until it has applied them. None unless the client names some.
     */
    default SortedMap<Integer, Long> awaited() {
        return Collections.emptySortedMap();
    }
}
