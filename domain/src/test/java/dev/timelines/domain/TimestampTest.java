package dev.timelines.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TimestampTest {

    private static final long SEED_MICROS = 1_680_945_987_000_000L;
    /** 0001-01-01T00:00:00Z and 9999-12-31T23:59:59.999999Z in epoch microseconds. */
    private static final long FIRST_MICROS = -62_135_596_800_000_000L;
    private static final long LAST_MICROS = 253_402_300_799_999_999L;

    private static Timestamp epoch(String seconds) {
        return Timestamp.ofEpochSeconds(new BigDecimal(seconds));
    }

    @Test
    void integerEpochSecondsAreWholeSeconds() {
        assertEquals(SEED_MICROS, epoch("1680945987").micros());
        assertEquals(0, epoch("0").micros());
        assertEquals(-1_000_000, epoch("-1").micros());
    }

    @Test
    void fractionalEpochSecondsKeepMicroseconds() {
        assertEquals(SEED_MICROS + 123_456, epoch("1680945987.123456").micros());
        assertEquals(SEED_MICROS + 500_000, epoch("1680945987.5").micros());
        assertEquals(1, epoch("0.000001").micros());
        assertEquals(SEED_MICROS, epoch("1.680945987E+9").micros());
    }

    @ParameterizedTest
    @CsvSource({
            "1.0000004, 1000000",
            "1.00000049999, 1000000",
            "1.0000006, 1000001",
            "1.2345674, 1234567",
            "1.2345676, 1234568",
            "1.9999996, 2000000",
            "-1.0000004, -1000000",
            "-1.0000006, -1000001",
            "0.00000001, 0"})
    void moreThanSixFractionDigitsRoundToTheNearestMicrosecond(String seconds, long micros) {
        assertEquals(micros, epoch(seconds).micros());
    }

    @Test
    void rfc3339InUtcReadsAsEpochMicroseconds() {
        assertEquals(SEED_MICROS, Timestamp.parseRfc3339("2023-04-08T09:26:27Z").micros());
        assertEquals(0, Timestamp.parseRfc3339("1970-01-01T00:00:00Z").micros());
        assertEquals(-1_000_000, Timestamp.parseRfc3339("1969-12-31T23:59:59Z").micros());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2023-04-08T11:26:27+02:00", "2023-04-08T03:56:27-05:30", "2023-04-08T09:26:27+00:00",
            "2023-04-08T09:26:27.000Z", "2023-04-08t09:26:27z"})
    void rfc3339OffsetsAreApplied(String text) {
        assertEquals(SEED_MICROS, Timestamp.parseRfc3339(text).micros());
    }

    @ParameterizedTest
    @CsvSource({
            "2023-04-08T09:26:27.5Z, 500000",
            "2023-04-08T09:26:27.123456Z, 123456",
            "2023-04-08T09:26:27.1234564Z, 123456",
            "2023-04-08T09:26:27.1234566Z, 123457",
            "2023-04-08T09:26:27.999999999Z, 1000000"})
    void rfc3339FractionsRoundToTheNearestMicrosecond(String text, long fractionMicros) {
        assertEquals(SEED_MICROS + fractionMicros, Timestamp.parseRfc3339(text).micros());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "yesterday", "2023-04-08", "2023-04-08T09:26:27", "2023-13-08T09:26:27Z",
            "2023-04-08T25:26:27Z", "2023-04-08T09:26:27+25:00", "1680945987", "2023-04-08T09:26:27Z trailing"})
    void anythingElseIsNotRfc3339(String text) {
        assertThrows(InvalidValueException.class, () -> Timestamp.parseRfc3339(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2023-04-08T09:26:27.Z", "2023-04-08T09:26:27.+02:00", "2023-04-08T09:26:27.-05:30"})
    void aDotWithoutFractionDigitsIsNotRfc3339(String text) {
        assertThrows(InvalidValueException.class, () -> Timestamp.parseRfc3339(text));
    }

    @Test
    void theYearsRunFrom0001To9999() {
        assertEquals(FIRST_MICROS, Timestamp.parseRfc3339("0001-01-01T00:00:00Z").micros());
        assertEquals(LAST_MICROS, Timestamp.parseRfc3339("9999-12-31T23:59:59.999999Z").micros());
        assertEquals(FIRST_MICROS, epoch("-62135596800").micros());
        assertEquals(LAST_MICROS, epoch("253402300799.999999").micros());
        assertEquals(FIRST_MICROS, Timestamp.MIN.micros());
        assertEquals(LAST_MICROS, Timestamp.MAX.micros());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0000-12-31T23:59:59Z", "0001-01-01T00:30:00+01:00", "9999-12-31T23:00:00-02:00",
            "+10000-01-01T00:00:00Z", "9999-12-31T23:59:59.9999999Z"})
    void rfc3339OutsideTheYearsIsRejected(String text) {
        assertThrows(InvalidValueException.class, () -> Timestamp.parseRfc3339(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"-62135596800.000001", "253402300800", "253402300799.9999996", "1e300", "-1e300"})
    void epochSecondsOutsideTheYearsAreRejected(String seconds) {
        assertThrows(InvalidValueException.class, () -> epoch(seconds));
    }

    @Test
    void microsecondsOutsideTheYearsAreRejected() {
        assertThrows(InvalidValueException.class, () -> new Timestamp(FIRST_MICROS - 1));
        assertThrows(InvalidValueException.class, () -> new Timestamp(LAST_MICROS + 1));
        assertThrows(InvalidValueException.class, () -> Timestamp.MAX.plusMicros(1));
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.SECONDS)
    void hugeExponentsAreAnsweredQuickly() {
        assertThrows(InvalidValueException.class, () -> epoch("1e999999999"));
        assertThrows(InvalidValueException.class, () -> epoch("-1e999999999"));
        assertThrows(InvalidValueException.class, () -> epoch("123456789e2147483647"));
        assertEquals(0, epoch("1e-999999999").micros());
        assertEquals(0, epoch("-1e-100000000").micros());
        assertEquals(0, epoch("0e-999999999").micros());
        assertEquals(0, epoch("0e999999999").micros());
    }

    @Test
    void wholeSecondsPrintAsIntegers() {
        BigDecimal seconds = new Timestamp(SEED_MICROS).epochSeconds();
        assertEquals("1680945987", seconds.toString());
        assertEquals(0, seconds.scale());
        assertEquals("0", new Timestamp(0).epochSeconds().toString());
        assertEquals("-62135596800", Timestamp.MIN.epochSeconds().toString());
        assertEquals("100", new Timestamp(100_000_000).epochSeconds().toString());
    }

    @ParameterizedTest
    @CsvSource({
            "1680945987500000, 1680945987.5",
            "1680945987000001, 1680945987.000001",
            "1, 0.000001",
            "10, 0.00001",
            "-1500000, -1.5",
            "-1, -0.000001",
            "253402300799999999, 253402300799.999999"})
    void fractionalSecondsPrintWithUpToSixDigitsAndNoExponent(long micros, String printed) {
        assertEquals(printed, new Timestamp(micros).epochSeconds().toString());
        assertEquals(printed, new Timestamp(micros).toString());
    }

    @Property
    void epochSecondsAreExactAndPlain(@ForAll @LongRange(min = FIRST_MICROS, max = LAST_MICROS) long micros) {
        BigDecimal seconds = new Timestamp(micros).epochSeconds();
        String printed = seconds.toString();

        assertEquals(BigDecimal.valueOf(micros), seconds.movePointRight(6).setScale(0));
        assertFalse(printed.contains("E") || printed.contains("e"), printed);
        assertTrue(seconds.scale() >= 0 && seconds.scale() <= 6, printed);
        assertEquals(micros % 1_000_000 == 0, seconds.scale() == 0, printed);
        assertFalse(seconds.scale() > 0 && printed.endsWith("0"), printed);
    }

    @Property
    void epochSecondsReadBackToTheSameTimestamp(@ForAll @LongRange(min = FIRST_MICROS, max = LAST_MICROS) long micros) {
        Timestamp timestamp = new Timestamp(micros);
        assertEquals(timestamp, Timestamp.ofEpochSeconds(timestamp.epochSeconds()));
        assertEquals(timestamp, Timestamp.ofEpochSeconds(new BigDecimal(timestamp.toString())));
    }

    @Test
    void aClockReadingIsTruncatedToMicroseconds() {
        assertEquals(SEED_MICROS + 123_456, Timestamp.of(Instant.ofEpochSecond(1_680_945_987, 123_456_789)).micros());
    }

    @Test
    void timestampsCompareByTime() {
        Timestamp earlier = new Timestamp(1);
        Timestamp later = new Timestamp(2);
        assertTrue(earlier.compareTo(later) < 0);
        assertTrue(earlier.isBefore(later));
        assertFalse(later.isBefore(earlier));
        assertFalse(earlier.isBefore(earlier));
        assertEquals(later, earlier.plusMicros(1));
    }
}
