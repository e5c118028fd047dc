package dev.timelines.application.model;

import dev.timelines.domain.DurationStatistics;
import dev.timelines.domain.JsonValue;
import java.util.Optional;

/**
 * One step of a funnel's answer: the timelines whose chain reached it, their share of those that reached the step
 * before (none for the first step, or when no timeline reached the step before), and the time taken from the step
 * before (none for the first step, or when no chain reached it).
 */
public record FunnelStep(JsonValue value, long timelines, Optional<Double> conversion,
        Optional<DurationStatistics> duration) {
}
