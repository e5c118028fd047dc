package dev.timelines.application.model;

import dev.timelines.domain.JsonValue;
import dev.timelines.domain.TimelineKey;
import dev.timelines.domain.Timestamp;

/** A timeline stuck in a value: held since {@code since}, for {@code micros} at the moment asked about. */
public record StuckTimeline(TimelineKey timeline, JsonValue value, Timestamp since, long micros) {
}
