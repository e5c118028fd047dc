package dev.timelines.application.model;

import dev.timelines.domain.JsonValue;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.math.BigDecimal;

/** Time spent in a value, summed over the {@code timelines} that spent a positive time in it. */
public record TimeInState(JsonValue value, BigInteger micros, long timelines) {

    public TimeInState {
        if (timelines < 1 || micros.signum() <= 0) {
            throw new IllegalArgumentException("time in state is positive and spent by at least one timeline");
        }
    }

    /** The time per timeline, rounded to the nearest microsecond. */
    public long meanMicros() {
        return new BigDecimal(micros).divide(BigDecimal.valueOf(timelines), 0, RoundingMode.HALF_UP).longValueExact();
    }
}
