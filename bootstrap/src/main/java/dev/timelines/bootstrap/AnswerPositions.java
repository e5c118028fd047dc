package dev.timelines.bootstrap;

import dev.timelines.adapters.in.rest.PartialAnswers;
import dev.timelines.adapters.in.rest.ReadPositions;
import dev.timelines.adapters.out.kafka.AnswerScope;
import io.quarkus.arc.Arc;
import jakarta.enterprise.context.RequestScoped;
import java.util.Collections;
import java.util.SortedMap;
import java.util.SortedSet;

/**
 * The positions an answer merged from the nodes of a Kafka cluster reflects, per partition (docs/scaling.md,
 * Kafka), or a write wrote: stated in the reply's header {@value #HEADER}, as {@code 0=12,1=40}; and, when the client
 * asked for a partial answer ({@link PartialAnswers}), the partitions it is missing, in
 * {@value PartialAnswers#MISSING}. A reply neither merged from parts nor written on a cluster has none. The
 * positions a read must reflect at least are those its client named ({@link ReadPositions}).
 */
@RequestScoped
public class AnswerPositions implements AnswerScope {

    static final String HEADER = ReadPositions.HEADER;

    private final PartialAnswers partial;
    private final ReadPositions awaited;
    private SortedMap<Integer, Long> positions;
    private SortedSet<Integer> missing = Collections.emptySortedSet();

    public AnswerPositions(PartialAnswers partial, ReadPositions awaited) {
        this.partial = partial;
        this.awaited = awaited;
    }

    @Override
    public SortedMap<Integer, Long> awaited() {
        return Arc.container().requestContext().isActive() ? awaited.awaited() : Collections.emptySortedMap();
    }

    @Override
    public boolean partialAllowed() {
        return Arc.container().requestContext().isActive() && partial.allowed();
    }

    /** Keeps what the answer being made reflects and misses, when it is made for a request; none before. */
    @Override
    public void reflect(SortedMap<Integer, Long> answered, SortedSet<Integer> missed) {
        if (Arc.container().requestContext().isActive()) {
            positions = answered;
            missing = missed;
        }
    }

    SortedMap<Integer, Long> positions() {
        return positions;
    }

    SortedSet<Integer> missing() {
        return missing;
    }
}
