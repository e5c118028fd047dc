package dev.timelines.adapters.out.memory;

import dev.timelines.domain.Window;

/** A window as microsecond bounds {@code [since, until)}; an open side is the extreme long. */
record WindowBounds(long since, long until) {

    static WindowBounds of(Window window) {
        return new WindowBounds(window.sinceMicros(), window.untilMicros());
    }
}
