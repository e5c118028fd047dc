package dev.timelines.domain;

/** The value an attribute holds at some moment, and the change point since which it has held it. */
public record State(JsonValue value, Timestamp since) {
}
