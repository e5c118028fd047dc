package dev.timelines.application.port.in;

import dev.timelines.domain.Attribute;
import dev.timelines.domain.JsonValue;
import dev.timelines.domain.TimelineKey;
import dev.timelines.domain.Timestamp;
import dev.timelines.domain.Window;

/**
 * Finds timelines by key or by state (docs/api.md, {@code GET /timelines}). Every search answers keys in
 * code point order, limited to those starting with {@code prefix} (empty for all).
 */
public interface SearchTimelinesUseCase {

    Page<TimelineKey> withPrefix(String prefix, PageRequest page);

    /** Timelines whose state of the attribute at {@code at} equals {@code value}. */
    Page<TimelineKey> inState(Attribute attribute, JsonValue value, Timestamp at, String prefix, PageRequest page);

    /** Timelines whose state equals {@code value} for a positive time inside the window. */
    Page<TimelineKey> inStateDuring(Attribute attribute, JsonValue value, Window window, String prefix,
            PageRequest page);
}
