package dev.timelines.domain;

import java.math.BigDecimal;
import java.math.BigInteger;

/** Renders microsecond quantities (timestamps, durations) as seconds the way docs/semantics.md prints them. */
public final class Seconds {

    private Seconds() {
    }

    /** Integral when whole, otherwise with up to 6 fraction digits; never in exponent notation. */
    public static BigDecimal ofMicros(long micros) {
        if (micros % Timestamp.MICROS_PER_SECOND == 0) {
            return BigDecimal.valueOf(micros / Timestamp.MICROS_PER_SECOND);
        }
        return BigDecimal.valueOf(micros, 6).stripTrailingZeros();
    }

    /** A total of many durations, which may exceed a long. */
    public static BigDecimal ofMicros(BigInteger micros) {
        BigDecimal seconds = new BigDecimal(micros, 6).stripTrailingZeros();
        return seconds.scale() < 0 ? seconds.setScale(0) : seconds;
    }

    /** A mean or percentile that may fall between microseconds, rounded to the nearest one. */
    public static BigDecimal ofMicros(double micros) {
        return ofMicros(Math.round(micros));
    }
}
