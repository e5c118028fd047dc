package dev.timelines.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TimeExpressionTest {

    private static final long NOW_MICROS = 1_700_000_000_123_456L;
    private static final Timestamp NOW = new Timestamp(NOW_MICROS);

    @Test
    void nowIsTheGivenClockReading() {
        assertEquals(NOW, TimeExpression.parse("now", NOW));
    }

    @ParameterizedTest
    @CsvSource({"-30s, 30", "-10m, 600", "-2h, 7200", "-7d, 604800", "-0s, 0", "-1d, 86400"})
    void relativeTimesCountBackFromNow(String text, long secondsBack) {
        assertEquals(NOW_MICROS - secondsBack * 1_000_000, TimeExpression.parse(text, NOW).micros());
    }

    @ParameterizedTest
    @CsvSource({"1680945987, 1680945987000000", "1680945987.5, 1680945987500000", "0, 0",
            "1680945987.1234567, 1680945987123457"})
    void epochSecondsAreAbsolute(String text, long micros) {
        assertEquals(micros, TimeExpression.parse(text, NOW).micros());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2023-04-08T09:26:27Z", "2023-04-08T11:26:27+02:00"})
    void rfc3339IsAbsolute(String text) {
        assertEquals(1_680_945_987_000_000L, TimeExpression.parse(text, NOW).micros());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "NOW", "now ", " now", "today", "10m", "+10m", "-10M", "-10x", "-1.5h",
            "- 10m", "-10mm", "-10m5s", "1e3", "0x10", "2023-04-08", "1680945987Z", "2023-04-08T09:26:27",
            "-1w", "--10m", "1,5", "2023-04-08T09:26:27.Z", "1680945987."})
    void anythingElseIsRejected(String text) {
        assertThrows(InvalidValueException.class, () -> TimeExpression.parse(text, NOW));
    }

    @Test
    void aBareNegativeNumberIsAnEpochSecondNotARelativeTime() {
        assertEquals(-10_000_000, TimeExpression.parse("-10", NOW).micros());
    }

    @ParameterizedTest
    @ValueSource(strings = {"-999999999999d", "-999999999999s", "-99999999999h"})
    void relativeTimesBeforeTheYear0001AreRejected(String text) {
        assertThrows(InvalidValueException.class, () -> TimeExpression.parse(text, NOW));
    }

    @Test
    void epochSecondsOutsideTheYearsAreRejected() {
        assertThrows(InvalidValueException.class, () -> TimeExpression.parse("999999999999", NOW));
    }
}
