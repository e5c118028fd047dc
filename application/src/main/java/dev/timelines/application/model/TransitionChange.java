package dev.timelines.application.model;

import dev.timelines.domain.Transition;

/**
 * One message of the transitions stream (docs/semantics.md, "The live stream"): a transition now in the set of those
 * matching the stream's filter, or one that left it. Folding every change from the start gives the set.
 */
public record TransitionChange(Kind kind, Transition transition) {

    public enum Kind {
        /** The transition joined the set. */
        TRANSITION,
        /** The transition left the set: a late event split, merged or re-timed it, or its timeline was deleted. */
        RETRACTION
    }
}
