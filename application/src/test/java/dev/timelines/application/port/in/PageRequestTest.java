package dev.timelines.application.port.in;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.timelines.domain.InvalidValueException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PageRequestTest {

    @Test
    void theLimitDefaultsTo100() {
        assertEquals(100, PageRequest.of(Optional.empty(), Optional.empty()).limit());
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 100, 9_999, 10_000})
    void aClientMayAskFor1To10000Items(int limit) {
        PageRequest request = PageRequest.of(Optional.of(limit), Optional.of("cursor"));

        assertEquals(limit, request.limit());
        assertEquals(Optional.of("cursor"), request.cursor());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 10_001, Integer.MAX_VALUE, Integer.MIN_VALUE})
    void aLimitOutside1To10000IsRejected(int limit) {
        assertThrows(InvalidValueException.class, () -> PageRequest.of(Optional.of(limit), Optional.empty()));
    }

    @Test
    void everythingIsOnePageWithoutCursor() {
        assertEquals(Integer.MAX_VALUE, PageRequest.EVERYTHING.limit());
        assertEquals(Optional.empty(), PageRequest.EVERYTHING.cursor());
    }

    @Test
    void aPageKeepsItsOwnCopyOfTheItems() {
        List<String> items = new ArrayList<>(List.of("a"));
        Page<String> page = new Page<>(items, Optional.empty());
        items.add("b");

        assertEquals(List.of("a"), page.items());
    }
}
