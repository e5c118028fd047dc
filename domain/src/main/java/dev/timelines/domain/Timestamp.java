package dev.timelines.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

/** A point in time as epoch microseconds, within the years 0001..9999 (docs/semantics.md). */
public record Timestamp(long micros) implements Comparable<Timestamp> {

    public static final long MICROS_PER_SECOND = 1_000_000L;
    private static final long MIN_MICROS = -62_135_596_800L * MICROS_PER_SECOND;
    private static final long MAX_MICROS = 253_402_300_800L * MICROS_PER_SECOND - 1;
    private static final BigDecimal MIN_SECONDS = BigDecimal.valueOf(MIN_MICROS, 6);
    private static final BigDecimal MAX_SECONDS = BigDecimal.valueOf(MAX_MICROS, 6);

    /** 0001-01-01T00:00:00Z. */
    public static final Timestamp MIN = new Timestamp(MIN_MICROS);
    /** 9999-12-31T23:59:59.999999Z. */
    public static final Timestamp MAX = new Timestamp(MAX_MICROS);

    private static final Pattern DOT_WITHOUT_DIGIT = Pattern.compile("\\.(?!\\d)");

    public Timestamp {
        if (micros < MIN_MICROS || micros > MAX_MICROS) {
            throw outOfRange();
        }
    }

    /** Epoch seconds, integer or fractional; more than 6 fraction digits round to the nearest microsecond. */
    public static Timestamp ofEpochSeconds(BigDecimal seconds) {
        // Compared before scaling so that a huge exponent cannot cost time or memory.
        if (seconds.compareTo(MIN_SECONDS) < 0 || seconds.compareTo(MAX_SECONDS) > 0) {
            throw outOfRange();
        }
        // Below 1e-7 in magnitude (e.g. 1e-100000000) it rounds to 0; rescaling it would cost a huge power of ten.
        if (seconds.scale() - seconds.precision() > 6) {
            return new Timestamp(0);
        }
        return new Timestamp(seconds.movePointRight(6).setScale(0, RoundingMode.HALF_UP).longValueExact());
    }

    /** An RFC 3339 date-time such as {@code 2023-04-08T09:26:27Z} or {@code 2023-04-08T11:26:27.5+02:00}. */
    public static Timestamp parseRfc3339(String text) {
        // ISO_OFFSET_DATE_TIME reads "27.Z" as an empty fraction; RFC 3339 wants a digit after the dot.
        if (DOT_WITHOUT_DIGIT.matcher(text).find()) {
            throw notRfc3339(text);
        }
        OffsetDateTime parsed;
        try {
            parsed = OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        } catch (DateTimeException e) {
            throw notRfc3339(text);
        }
        Instant instant = parsed.toInstant();
        if (instant.isBefore(Instant.ofEpochSecond(MIN_MICROS / MICROS_PER_SECOND))
                || instant.isAfter(Instant.ofEpochSecond(MAX_MICROS / MICROS_PER_SECOND + 1))) {
            throw outOfRange();
        }
        // Not ChronoUnit.MICROS.between: it counts in nanoseconds and overflows outside 1677..2262.
        long wholeMicros = instant.getEpochSecond() * MICROS_PER_SECOND;
        long roundedFraction = Math.round(instant.getNano() / 1000.0);
        long micros = wholeMicros + roundedFraction;
        return new Timestamp(micros);
    }

    /** The instant of the given clock reading, truncated to microseconds. */
    public static Timestamp of(Instant instant) {
        return new Timestamp(instant.getEpochSecond() * MICROS_PER_SECOND + instant.getNano() / 1000);
    }

    /** Epoch seconds as answers show them: integral when whole, else up to 6 fraction digits. */
    public BigDecimal epochSeconds() {
        return Seconds.ofMicros(micros);
    }

    public Timestamp plusMicros(long delta) {
        return new Timestamp(Math.addExact(micros, delta));
    }

    public boolean isBefore(Timestamp other) {
        return micros < other.micros;
    }

    @Override
    public int compareTo(Timestamp other) {
        return Long.compare(micros, other.micros);
    }

    @Override
    public String toString() {
        return epochSeconds().toPlainString();
    }

    private static InvalidValueException notRfc3339(String text) {
        return new InvalidValueException("'" + abbreviate(text) + "' is not an RFC 3339 date-time");
    }

    private static InvalidValueException outOfRange() {
        return new InvalidValueException("a timestamp must lie within the years 0001..9999");
    }

    static String abbreviate(String text) {
        return text.length() <= 64 ? text : text.substring(0, 61) + "...";
    }
}
