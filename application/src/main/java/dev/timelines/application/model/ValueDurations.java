package dev.timelines.application.model;

import dev.timelines.domain.DurationStatistics;
import dev.timelines.domain.JsonValue;

/** A value and the durations measured for it. */
public record ValueDurations(JsonValue value, DurationStatistics duration) {

    public long count() {
        return duration.count();
    }
}
