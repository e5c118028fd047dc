package dev.timelines.domain;

/** The two history views of one attribute in one timeline (docs/semantics.md). */
public enum HistoryMode {
    /** The events that have the attribute, minus those repeating the previous present value. */
    CHANGES,
    /** One point per event from the first presence on; an event lacking the attribute carries the value forward. */
    ALL
}
