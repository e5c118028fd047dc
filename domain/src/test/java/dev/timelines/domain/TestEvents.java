package dev.timelines.domain;

import java.util.Optional;

/** Stored events for tests, in whole or fractional epoch seconds. */
final class TestEvents {

    static final TimelineKey KEY = new TimelineKey("order-1");
    static final Attribute STATUS = new Attribute("status");
    static final Timestamp RECEIVED = new Timestamp(1_700_000_000_000_000L);

    private TestEvents() {
    }

    static Timestamp seconds(long epochSeconds) {
        return new Timestamp(epochSeconds * Timestamp.MICROS_PER_SECOND);
    }

    static Event event(long epochSeconds, long seq, JsonValue.Obj data) {
        return new Event(seconds(epochSeconds), seq, RECEIVED, Optional.empty(), data);
    }

    /** An event whose data is {@code {"status": status}}. */
    static Event status(long epochSeconds, long seq, String status) {
        return event(epochSeconds, seq, Json.obj("status", Json.str(status)));
    }

    static Event status(long epochSeconds, long seq, JsonValue status) {
        return event(epochSeconds, seq, Json.obj("status", status));
    }
}
