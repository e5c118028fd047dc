package dev.timelines.application.service;

import dev.timelines.application.model.TransitionChange;
import java.util.List;

/** The messages of the writes with a seq in ({@code after}, {@code upTo}], in their fixed order. */
record StreamStep(long after, long upTo, List<TransitionChange> messages) {

    StreamStep {
        messages = List.copyOf(messages);
    }
}
