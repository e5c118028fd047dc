package dev.timelines.application.port.in;

import dev.timelines.application.model.AdjacentValues;
import dev.timelines.application.model.ProcessMap;
import dev.timelines.application.model.TransitionFilter;
import dev.timelines.domain.Attribute;
import dev.timelines.domain.JsonValue;
import dev.timelines.domain.Transition;
import dev.timelines.domain.Window;

/**
 * Transitions across all timelines (docs/api.md, {@code /transitions}): the list, the process map, and what
 * came after or before entering a value. Throws {@link AttributeTooDiverseException} for an attribute whose
 * values the store does not index.
 */
public interface AnalyzeTransitionsUseCase {

    /** Transitions whose {@code at} lies in the window, ordered by (at, timeline key, seq); entries when asked. */
    Page<Transition> transitions(Attribute attribute, TransitionFilter filter, boolean entries, PageRequest page);

    /** Per (from, to) pair its count, distinct timelines and durations, and the entries per value. */
    ProcessMap summary(Attribute attribute, TransitionFilter filter);

    /** For every entry into {@code value} in the window, the value that followed it and how long it held. */
    AdjacentValues next(Attribute attribute, JsonValue value, Window window);

    /** For every entry into {@code value} in the window, the value it came from and how long that held. */
    AdjacentValues previous(Attribute attribute, JsonValue value, Window window);
}
