package dev.timelines.bootstrap;

import io.quarkus.arc.Arc;
import jakarta.enterprise.context.RequestScoped;
import java.util.SortedMap;

/**
 * The positions an answer merged from the nodes of a Kafka cluster reflects, per partition (docs/scaling.md,
 * Kafka): stated in the reply's header {@value #HEADER}, as {@code 0=12,1=40}. A reply not merged from parts has
 * none.
 */
@RequestScoped
public class AnswerPositions {

    static final String HEADER = "Timelines-Positions";

    private SortedMap<Integer, Long> positions;

    /** Keeps the positions of the answer being made, when it is made for a request; none before. */
    void reflect(SortedMap<Integer, Long> answered) {
        if (Arc.container().requestContext().isActive()) {
            positions = answered;
        }
    }

    SortedMap<Integer, Long> positions() {
        return positions;
    }
}
