package dev.timelines.application.model;

import dev.timelines.domain.JsonValue;
import dev.timelines.domain.Window;
import java.util.Optional;

/** Which transitions a question is about: those whose {@code at} lies in the window, optionally from or to a value. */
public record TransitionFilter(Optional<JsonValue> from, Optional<JsonValue> to, Window window) {

    public TransitionFilter {
        if (from == null || to == null || window == null) {
            throw new IllegalArgumentException("a filter has optional values and a window");
        }
    }
}
