package dev.timelines.application.port.in;

import dev.timelines.application.model.StateCounts;
import dev.timelines.application.model.TimeInState;
import dev.timelines.domain.Attribute;
import dev.timelines.domain.Timestamp;
import dev.timelines.domain.Window;
import java.util.List;

/** States across all timelines (docs/api.md, {@code /states}): who is where at a moment, and for how long. */
public interface AnalyzeStatesUseCase {

    /** How many timelines hold each value at {@code at}, largest count first. */
    StateCounts statesAt(Attribute attribute, Timestamp at);

    /**
     * Time spent in each value inside the window, most time first; a timeline's last state holds until the
     * window's end or now, whichever is earlier. Values without time are left out.
     */
    List<TimeInState> timeInStates(Attribute attribute, Window window);
}
