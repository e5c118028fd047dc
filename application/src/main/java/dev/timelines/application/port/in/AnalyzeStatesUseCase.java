package dev.timelines.application.port.in;

import dev.timelines.application.model.Scope;
import dev.timelines.application.model.StateCounts;
import dev.timelines.application.model.StuckTimeline;
import dev.timelines.application.model.TimeInState;
import dev.timelines.domain.Attribute;
import dev.timelines.domain.JsonValue;
import dev.timelines.domain.Timestamp;
import dev.timelines.domain.Window;
import java.util.List;
import java.util.Optional;

/**
 * States across all timelines (docs/api.md, {@code /states}): who is where at a moment, for how long, and who is
 * stuck. "Now", where a state still held ends, is the scope's moment when it has one.
 */
public interface AnalyzeStatesUseCase {

    /**
     * How many timelines hold each value at {@code at}, where the condition holds then, largest count first; with
     * {@code ages}, the statistics of how long they had held it.
     */
    StateCounts statesAt(Attribute attribute, Timestamp at, Scope scope, boolean ages);

    /**
     * Time spent in each value inside the window while the condition held, most time first; a timeline's last
     * state holds until the window's end or now, whichever is earlier. Values without time are left out.
     */
    List<TimeInState> timeInStates(Attribute attribute, Window window, Scope scope);

    /**
     * Timelines holding {@code value} (any value when empty) at {@code at} since strictly longer than the given
     * time, where the condition holds then; by since, then key.
     */
    Page<StuckTimeline> stuck(Attribute attribute, Optional<JsonValue> value, long longerThanMicros, Timestamp at,
            Scope scope, PageRequest page);
}
