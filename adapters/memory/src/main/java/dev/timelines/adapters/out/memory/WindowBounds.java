package dev.timelines.adapters.out.memory;

import dev.timelines.domain.Timestamp;
import dev.timelines.domain.Window;

/** A window as microsecond bounds {@code [since, until)}; an open side is the extreme long. */
record WindowBounds(long since, long until) {

    static WindowBounds of(Window window) {
        return new WindowBounds(window.since().map(Timestamp::micros).orElse(Long.MIN_VALUE),
                window.until().map(Timestamp::micros).orElse(Long.MAX_VALUE));
    }
}
