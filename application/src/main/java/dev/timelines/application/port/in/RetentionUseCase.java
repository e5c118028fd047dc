package dev.timelines.application.port.in;

import dev.timelines.domain.Timestamp;

/** Forgets the timelines that have gone quiet: those whose latest event is older than a moment. */
public interface RetentionUseCase {

    /**
     * Deletes, each as {@link DeleteTimelineUseCase} does, every timeline whose latest event timestamp is before
     * {@code moment}; returns how many it deleted.
     */
    int deleteTimelinesLastBefore(Timestamp moment);
}
