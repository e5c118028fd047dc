package dev.timelines.application.port.in;

import dev.timelines.application.model.Scope;
import dev.timelines.domain.Attribute;
import dev.timelines.domain.JsonValue;
import dev.timelines.domain.TimelineKey;
import dev.timelines.domain.Timestamp;
import dev.timelines.domain.Window;
import java.util.Optional;

/**
 * Finds timelines by key or by state (docs/api.md, {@code GET /timelines}). Every search answers keys in
 * code point order, limited to those starting with {@code prefix} (empty for all).
 */
public interface SearchTimelinesUseCase {

    /** Timelines with an event (received by {@code asOf}, when given). */
    Page<TimelineKey> withPrefix(String prefix, Optional<Timestamp> asOf, PageRequest page);

    /** Timelines whose state of the attribute at {@code at} equals {@code value}, where the condition holds then. */
    Page<TimelineKey> inState(Attribute attribute, JsonValue value, Timestamp at, String prefix, Scope scope,
            PageRequest page);

    /** Timelines whose state equals {@code value} for a positive time inside the window. */
    Page<TimelineKey> inStateDuring(Attribute attribute, JsonValue value, Window window, String prefix,
            Optional<Timestamp> asOf, PageRequest page);
}
