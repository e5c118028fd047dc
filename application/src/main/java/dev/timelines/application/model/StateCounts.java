package dev.timelines.application.model;

import dev.timelines.domain.Timestamp;
import java.util.List;

/** How many timelines hold each value at a moment; timelines without a state then are not counted. */
public record StateCounts(Timestamp at, List<StateCount> counts) {

    public StateCounts {
        counts = List.copyOf(counts);
    }

    /** The timelines that have a state at {@code at}. */
    public long timelines() {
        return counts.stream().mapToLong(StateCount::count).sum();
    }
}
