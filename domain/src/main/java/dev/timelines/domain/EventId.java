package dev.timelines.domain;

/** The producer's idempotency id of an event: 1..128 characters, unique within its timeline. */
public record EventId(String value) {

    public static final int MAX_LENGTH = 128;

    public EventId {
        if (value == null || value.isEmpty()) {
            throw new InvalidValueException("an event id must not be empty");
        }
        if (value.codePointCount(0, value.length()) > MAX_LENGTH) {
            throw new InvalidValueException("an event id must be at most " + MAX_LENGTH + " characters");
        }
    }
}
