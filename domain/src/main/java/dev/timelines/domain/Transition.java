package dev.timelines.domain;

import java.util.Optional;

/**
 * Two consecutive change points {@code p(i-1) -> p(i)} of one timeline, at {@code p(i)}; the first change
 * point is an entry, with no {@code from}. {@code durationMicros} is the time spent in {@code from}
 * (zero for an entry).
 */
public record Transition(
        TimelineKey timeline, Timestamp at, long seq, Optional<JsonValue> from, JsonValue to, long durationMicros) {

    public boolean isEntry() {
        return from.isEmpty();
    }
}
