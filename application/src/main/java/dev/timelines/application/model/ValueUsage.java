package dev.timelines.application.model;

import dev.timelines.domain.JsonValue;

/** A distinct value of an attribute: the events carrying it and the distinct timelines they belong to. */
public record ValueUsage(JsonValue value, long events, long timelines) {
}
