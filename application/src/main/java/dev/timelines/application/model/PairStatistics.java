package dev.timelines.application.model;

import dev.timelines.domain.DurationStatistics;
import dev.timelines.domain.JsonValue;

/** The transitions of one (from, to) pair: how many, in how many distinct timelines, and how long {@code from} held. */
public record PairStatistics(JsonValue from, JsonValue to, long timelines, DurationStatistics duration) {

    public long count() {
        return duration.count();
    }
}
