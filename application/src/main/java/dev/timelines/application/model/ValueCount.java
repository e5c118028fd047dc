package dev.timelines.application.model;

import dev.timelines.domain.JsonValue;

/** A value and how many times something counted happened with it. */
public record ValueCount(JsonValue value, long count) {
}
