package dev.timelines.application.model;

import java.util.List;

/**
 * The messages of the writes with a seq in ({@code after}, {@code upTo}], in their fixed order: one step of the
 * transitions stream (docs/semantics.md, "The live stream"), of the whole store or of one part of it.
 */
public record StreamStep(long after, long upTo, List<TransitionChange> messages) {

    public StreamStep {
        messages = List.copyOf(messages);
    }

    /** The step of no writes at {@code seq}: where a stream starting there stands. */
    public static StreamStep at(long seq) {
        return new StreamStep(seq, seq, List.of());
    }
}
