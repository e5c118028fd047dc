package dev.timelines.adapters.in.rest;

import dev.timelines.domain.JsonValue;

/** A JSON value read from a request body, with where it stood: {@code line N}, {@code /N} or {@code body}. */
record LocatedJson(String at, JsonValue value) {
}
