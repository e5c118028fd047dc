package dev.timelines.application.port.out;

import dev.timelines.domain.JsonValue;

/** How a storage shows a value: as the stored event with this seq wrote it ({@code 1} or {@code 1.0}). */
public record Spelling(JsonValue shown, long seq) {
}
