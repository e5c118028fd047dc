package dev.timelines.domain;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class WindowTest {

    private static final Timestamp T10 = new Timestamp(10);
    private static final Timestamp T20 = new Timestamp(20);

    @Test
    void aWindowIncludesSinceAndExcludesUntil() {
        Window window = Window.between(T10, T20);

        assertFalse(window.contains(new Timestamp(9)));
        assertTrue(window.contains(T10));
        assertTrue(window.contains(new Timestamp(19)));
        assertFalse(window.contains(T20));
    }

    @Test
    void anOpenSinceReachesBackToTheFirstYear() {
        Window window = new Window(Optional.empty(), Optional.of(T20));

        assertTrue(window.contains(Timestamp.MIN));
        assertTrue(window.contains(new Timestamp(19)));
        assertFalse(window.contains(T20));
    }

    @Test
    void anOpenUntilReachesToTheLastYear() {
        Window window = new Window(Optional.of(T10), Optional.empty());

        assertFalse(window.contains(new Timestamp(9)));
        assertTrue(window.contains(T10));
        assertTrue(window.contains(Timestamp.MAX));
    }

    @Test
    void theWholeWindowContainsEverything() {
        assertTrue(Window.ALL.contains(Timestamp.MIN));
        assertTrue(Window.ALL.contains(Timestamp.MAX));
    }

    @Test
    void sinceAfterUntilIsRejected() {
        assertThrows(InvalidValueException.class, () -> Window.between(T20, T10));
    }

    @Test
    void equalBoundsMakeAnEmptyWindow() {
        Window empty = assertDoesNotThrow(() -> Window.between(T10, T10));

        assertFalse(empty.contains(T10));
        assertFalse(empty.contains(new Timestamp(9)));
        assertFalse(empty.contains(new Timestamp(11)));
    }
}
