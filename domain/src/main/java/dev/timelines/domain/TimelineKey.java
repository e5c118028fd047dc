package dev.timelines.domain;

import java.nio.charset.StandardCharsets;

/** Identifies a timeline: 1..256 UTF-8 bytes, no control characters, neither "." nor "..". */
public record TimelineKey(String value) implements Comparable<TimelineKey> {

    public static final int MAX_BYTES = 256;

    public TimelineKey {
        if (value == null || value.isEmpty()) {
            throw new InvalidValueException("a timeline key must not be empty");
        }
        if (value.equals(".") || value.equals("..")) {
            throw new InvalidValueException("a timeline key must not be '.' or '..'");
        }
        if (value.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new InvalidValueException("a timeline key must be at most " + MAX_BYTES + " UTF-8 bytes");
        }
        ControlCharacters.reject(value, "a timeline key");
    }

    @Override
    public int compareTo(TimelineKey other) {
        return CodePointOrder.INSTANCE.compare(value, other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
