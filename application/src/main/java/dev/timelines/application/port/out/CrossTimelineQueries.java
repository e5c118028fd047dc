package dev.timelines.application.port.out;

import dev.timelines.application.port.in.AdjacentValues;
import dev.timelines.application.port.in.ProcessMap;
import dev.timelines.application.port.in.StateCounts;
import dev.timelines.application.port.in.TimeInState;
import dev.timelines.application.port.in.TransitionFilter;
import dev.timelines.application.port.in.ValueUsage;
import dev.timelines.domain.Attribute;
import dev.timelines.domain.JsonValue;
import dev.timelines.domain.TimelineKey;
import dev.timelines.domain.Timestamp;
import dev.timelines.domain.Transition;
import dev.timelines.domain.Window;
import java.util.List;
import java.util.Optional;

/**
 * The read side of storage across timelines. Each method is one question of SPEC section 3, asked whole so an
 * adapter can answer it its own way: the memory engine from its indexes, PostgreSQL with one SQL statement.
 * Lists of values come back in any order (the services rank them); keys and transitions come back in their
 * paging order. Methods taking an attribute may throw
 * {@link dev.timelines.application.port.in.AttributeTooDiverseException}.
 */
public interface CrossTimelineQueries {

    /** Keys in the range, in code point order. */
    List<TimelineKey> keys(KeyRange range);

    /** Keys in the range whose state at {@code at} equals {@code value}. */
    List<TimelineKey> inState(Attribute attribute, JsonValue value, Timestamp at, KeyRange range);

    /** Keys in the range whose state equals {@code value} for a positive time inside the window. */
    List<TimelineKey> inStateDuring(Attribute attribute, JsonValue value, Window window, KeyRange range);

    /** Up to {@code limit} transitions passing the filter after {@code after}, in {@link TransitionPosition} order. */
    List<Transition> transitions(Attribute attribute, TransitionFilter filter, boolean entries,
            Optional<TransitionPosition> after, int limit);

    /** The pairs and entries passing the filter (entries have no {@code from}: a {@code from} filter drops them). */
    ProcessMap processMap(Attribute attribute, TransitionFilter filter);

    /** SPEC's {@code next}: per entry into the value in the window, the following change point, at any time. */
    AdjacentValues next(Attribute attribute, JsonValue value, Window window);

    /** SPEC's {@code previous}: per entry into the value in the window, the value it left and its duration. */
    AdjacentValues previous(Attribute attribute, JsonValue value, Window window);

    StateCounts statesAt(Attribute attribute, Timestamp at);

    /** Time in each value inside the window; the open last state ends at the window's end or {@code now}. */
    List<TimeInState> timeInStates(Attribute attribute, Window window, Timestamp now);

    /** Top-level attribute names after {@code after} in code point order, at most {@code limit}. */
    List<String> attributeNames(Optional<String> after, int limit);

    List<ValueUsage> values(Attribute attribute);
}
