package dev.timelines.domain;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TimelineKeyTest {

    @ParameterizedTest
    @ValueSource(strings = {"order-1", "a", "a/b", "/", "...", ".a", "a.", " ", "ключ", "\u00A0", "%2F", "a b?c#d"})
    void anyPrintableKeyIsAccepted(String key) {
        assertEquals(key, new TimelineKey(key).value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", ".."})
    void emptyDotAndDotDotAreRejected(String key) {
        assertThrows(InvalidValueException.class, () -> new TimelineKey(key));
    }

    @Test
    void nullIsRejected() {
        assertThrows(InvalidValueException.class, () -> new TimelineKey(null));
    }

    @Test
    void aKeyHoldsUpTo256Utf8Bytes() {
        assertDoesNotThrow(() -> new TimelineKey("k".repeat(256)));
        assertThrows(InvalidValueException.class, () -> new TimelineKey("k".repeat(257)));
    }

    @Test
    void theLimitCountsUtf8BytesNotCharacters() {
        assertDoesNotThrow(() -> new TimelineKey("é".repeat(128)));
        assertThrows(InvalidValueException.class, () -> new TimelineKey("é".repeat(129)));
        assertDoesNotThrow(() -> new TimelineKey("\uD83D\uDE00".repeat(64)));
        assertThrows(InvalidValueException.class, () -> new TimelineKey("\uD83D\uDE00".repeat(64) + "k"));
    }

    @ParameterizedTest
    @ValueSource(ints = {0x00, 0x09, 0x0A, 0x0D, 0x1F, 0x7F, 0x80, 0x85, 0x9F})
    void controlCharactersAreRejectedAnywhere(int control) {
        String c = Character.toString(control);
        assertThrows(InvalidValueException.class, () -> new TimelineKey(c));
        assertThrows(InvalidValueException.class, () -> new TimelineKey("a" + c));
        assertThrows(InvalidValueException.class, () -> new TimelineKey(c + "a"));
    }

    @ParameterizedTest
    @ValueSource(ints = {0x20, 0x7E, 0xA0, 0xA1})
    void charactersNextToTheControlRangesAreAccepted(int character) {
        assertDoesNotThrow(() -> new TimelineKey(Character.toString(character)));
    }

    @Test
    void anUnpairedSurrogateIsRejected() {
        assertThrows(InvalidValueException.class, () -> new TimelineKey("a\uD83D"));
        assertThrows(InvalidValueException.class, () -> new TimelineKey("\uDE00a"));
    }

    @Test
    void keysSortByCodePoint() {
        assertTrue(new TimelineKey("\uFFFD").compareTo(new TimelineKey("\uD83D\uDE00")) < 0);
        assertTrue(new TimelineKey("a").compareTo(new TimelineKey("ab")) < 0);
        assertEquals(0, new TimelineKey("a/b").compareTo(new TimelineKey("a/b")));
    }
}
