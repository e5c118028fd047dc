package dev.timelines.bench.questions;

import java.math.BigDecimal;

/** A half-open window {@code [since, until)} in epoch microseconds, as docs/semantics.md defines windows. */
public record Span(long sinceMicros, long untilMicros) {

    public static Span ofSeconds(long since, long lengthSeconds) {
        return new Span(since * 1_000_000L, (since + lengthSeconds) * 1_000_000L);
    }

    /** Epoch seconds as the HTTP API takes them. */
    public static String seconds(long micros) {
        return BigDecimal.valueOf(micros, 6).stripTrailingZeros().toPlainString();
    }
}
