package dev.timelines.domain;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class EventIdTest {

    @Test
    void anIdHasOneTo128Characters() {
        assertDoesNotThrow(() -> new EventId("x"));
        assertDoesNotThrow(() -> new EventId("x".repeat(128)));
        assertThrows(InvalidValueException.class, () -> new EventId("x".repeat(129)));
    }

    @Test
    void anEmptyOrMissingIdIsRejected() {
        assertThrows(InvalidValueException.class, () -> new EventId(""));
        assertThrows(InvalidValueException.class, () -> new EventId(null));
    }

    @Test
    void idsAreEqualByValue() {
        assertEquals(new EventId("evt-1"), new EventId("evt-" + 1));
        assertNotEquals(new EventId("evt-1"), new EventId("EVT-1"));
    }
}
