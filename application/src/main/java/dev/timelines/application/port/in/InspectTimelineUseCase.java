package dev.timelines.application.port.in;

import dev.timelines.domain.Attribute;
import dev.timelines.domain.Event;
import dev.timelines.domain.HistoryMode;
import dev.timelines.domain.HistoryPoint;
import dev.timelines.domain.State;
import dev.timelines.domain.TimelineKey;
import dev.timelines.domain.Timestamp;
import dev.timelines.domain.Transition;
import dev.timelines.domain.Window;
import java.util.Optional;

/**
 * Questions about one timeline, in the store as known at {@code asOf} when given (only events received by then).
 * Each throws {@link dev.timelines.domain.TimelineNotFoundException} for a key with no such events.
 */
public interface InspectTimelineUseCase {

    TimelineSummary describe(TimelineKey key, Optional<Timestamp> asOf);

    /** The events whose timestamp lies in the window, in timeline order. */
    Page<Event> events(TimelineKey key, Window window, Optional<Timestamp> asOf, PageRequest page);

    /** The view computed over the whole timeline, then cut to the points inside the window. */
    Page<HistoryPoint> history(TimelineKey key, Attribute attribute, HistoryMode mode, Window window,
            Optional<Timestamp> asOf, PageRequest page);

    /** The transitions whose {@code at} lies in the window; entries only when asked for. */
    Page<Transition> transitions(TimelineKey key, Attribute attribute, Window window, boolean entries,
            Optional<Timestamp> asOf, PageRequest page);

    /** The state at {@code at}; empty when the timeline has no change point at or before it. */
    Optional<State> state(TimelineKey key, Attribute attribute, Timestamp at, Optional<Timestamp> asOf);
}
