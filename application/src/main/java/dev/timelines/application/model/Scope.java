package dev.timelines.application.model;

import dev.timelines.domain.Condition;
import dev.timelines.domain.Timestamp;
import java.util.Optional;

/**
 * What a question across timelines takes into account beyond its own parameters (docs/semantics.md): a
 * {@code where} condition on other attributes, and the store as known at a moment ({@code asOf}: only events
 * received by then count, and "now" is that moment).
 */
public record Scope(Condition where, Optional<Timestamp> asOf) {

    /** Every event, no condition. */
    public static final Scope ALL = new Scope(Condition.NONE, Optional.empty());

    public Scope {
        if (where == null || asOf == null) {
            throw new IllegalArgumentException("a scope has a condition and an optional moment");
        }
    }

    /** Whether the question is the plain one: no condition and the whole store. */
    public boolean isAll() {
        return where.isNone() && asOf.isEmpty();
    }
}
