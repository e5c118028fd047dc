package dev.timelines.domain;

import java.math.BigDecimal;

/** Renders microsecond quantities (timestamps, durations) as seconds the way SPEC section 2 prints them. */
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

    /** A mean or percentile that may fall between microseconds, rounded to the nearest one. */
    public static BigDecimal ofMicros(double micros) {
        return ofMicros(Math.round(micros));
    }
}
