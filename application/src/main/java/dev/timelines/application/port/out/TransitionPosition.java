package dev.timelines.application.port.out;

import dev.timelines.domain.CodePointOrder;
import dev.timelines.domain.Transition;
import java.util.Comparator;

/**
 * The order of cross-timeline transition lists: by {@code at}, then timeline key in code point order, then
 * seq. A page resumes after the position of the last transition it returned.
 */
public record TransitionPosition(long atMicros, String timeline, long seq) implements Comparable<TransitionPosition> {

    public static final Comparator<TransitionPosition> ORDER = Comparator.comparingLong(TransitionPosition::atMicros)
            .thenComparing(TransitionPosition::timeline, CodePointOrder.INSTANCE)
            .thenComparingLong(TransitionPosition::seq);

    public static TransitionPosition of(Transition transition) {
        return new TransitionPosition(transition.at().micros(), transition.timeline().value(), transition.seq());
    }

    @Override
    public int compareTo(TransitionPosition other) {
        return ORDER.compare(this, other);
    }
}
