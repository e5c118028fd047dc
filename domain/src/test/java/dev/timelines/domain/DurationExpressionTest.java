package dev.timelines.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Durations in parameters ({@code longerThan}, {@code within}): seconds, or a number with one unit of s m h d. */
class DurationExpressionTest {

    @ParameterizedTest
    @CsvSource({"7200, 7200000000", "0.5, 500000", "90s, 90000000", "10m, 600000000", "2h, 7200000000",
            "7d, 604800000000", "0, 0", "0s, 0", "0.5h, 1800000000", "0.000001, 1"})
    void acceptedFormsGiveTheirMicroseconds(String text, long micros) {
        assertEquals(micros, DurationExpression.parseMicros(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1h", "-5", "abc", "1.5.2", "2w", "", " 2h", "2h ", "1e3", "2hh", "2H", "h",
            "400000000000", "999999999999d", "99999999999999999999"})
    void negativeMalformedOrHugeDurationsAreRefused(String text) {
        assertThrows(InvalidValueException.class, () -> DurationExpression.parseMicros(text));
    }

    @Test
    void theLongestDurationIsTheWholeTimeRange() {
        long range = Timestamp.MAX.micros() - Timestamp.MIN.micros();

        assertEquals(range, DurationExpression.parseMicros("315537897599.999999"));
        assertThrows(InvalidValueException.class, () -> DurationExpression.parseMicros("315537897600"));
    }
}
