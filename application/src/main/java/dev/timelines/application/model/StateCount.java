package dev.timelines.application.model;

import dev.timelines.domain.DurationStatistics;
import dev.timelines.domain.JsonValue;
import java.util.Optional;

/** The timelines holding a value at a moment and, when asked, how long they had held it then (their ages). */
public record StateCount(JsonValue value, long count, Optional<DurationStatistics> age) {

    public StateCount {
        if (value == null || age == null || count < 1) {
            throw new IllegalArgumentException("a state count has a value, a positive count and an optional age");
        }
    }
}
