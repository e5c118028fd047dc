package dev.timelines.domain;

/** One point of a history view: the value of the attribute at the event at (timestamp, seq). */
public record HistoryPoint(Timestamp timestamp, long seq, JsonValue value) {
}
