package dev.timelines.application.port.in;

import dev.timelines.application.model.AdjacentValues;
import dev.timelines.application.model.FunnelStep;
import dev.timelines.application.model.ProcessMap;
import dev.timelines.application.model.Scope;
import dev.timelines.application.model.TransitionFilter;
import dev.timelines.domain.Attribute;
import dev.timelines.domain.Funnel;
import dev.timelines.domain.JsonValue;
import dev.timelines.domain.Transition;
import dev.timelines.domain.Window;
import java.util.List;

/**
 * Transitions across all timelines (docs/api.md, {@code /transitions}, {@code /funnels}): the list, the process
 * map, what came after or before entering a value, and funnels. A scope's condition is evaluated at each
 * transition's or entry's own change point. Throws {@link AttributeTooDiverseException} for an attribute whose
 * values the store does not index.
 */
public interface AnalyzeTransitionsUseCase {

    /** Transitions whose {@code at} lies in the window, ordered by (at, timeline key, seq); entries when asked. */
    Page<Transition> transitions(Attribute attribute, TransitionFilter filter, boolean entries, Scope scope,
            PageRequest page);

    /** Per (from, to) pair its count, distinct timelines and durations, and the entries per value. */
    ProcessMap summary(Attribute attribute, TransitionFilter filter, Scope scope);

    /** For every entry into {@code value} in the window, the value that followed it and how long it held. */
    AdjacentValues next(Attribute attribute, JsonValue value, Window window, Scope scope);

    /** For every entry into {@code value} in the window, the value it came from and how long that held. */
    AdjacentValues previous(Attribute attribute, JsonValue value, Window window, Scope scope);

    /** Per step of the funnel, the timelines whose chain of entries in the window reached it, and how fast. */
    List<FunnelStep> funnel(Attribute attribute, Funnel funnel, Window window, Scope scope);
}
