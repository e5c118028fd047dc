package dev.timelines.domain;

import java.util.Optional;

/** The half-open time window {@code [since, until)} of a query; either bound may be open. */
public record Window(Optional<Timestamp> since, Optional<Timestamp> until) {

    public static final Window ALL = new Window(Optional.empty(), Optional.empty());

    public Window {
        if (since.isPresent() && until.isPresent() && since.get().compareTo(until.get()) > 0) {
            throw new InvalidValueException("since (" + since.get() + ") is after until (" + until.get() + ")");
        }
    }

    public static Window between(Timestamp since, Timestamp until) {
        return new Window(Optional.of(since), Optional.of(until));
    }

    /** The start in microseconds; the smallest long when open. */
    public long sinceMicros() {
        return since.map(Timestamp::micros).orElse(Long.MIN_VALUE);
    }

    /** The end in microseconds; the largest long when open. */
    public long untilMicros() {
        return until.map(Timestamp::micros).orElse(Long.MAX_VALUE);
    }

    public boolean contains(Timestamp t) {
        return since.map(s -> s.compareTo(t) <= 0).orElse(true)
                && until.map(u -> t.compareTo(u) < 0).orElse(true);
    }
}
