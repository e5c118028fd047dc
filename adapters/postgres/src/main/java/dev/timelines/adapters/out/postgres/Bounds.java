package dev.timelines.adapters.out.postgres;

import dev.timelines.domain.Window;

/** A window as microsecond bounds {@code [since, until)} for SQL; an open side is the extreme bigint. */
record Bounds(long since, long until) {

    static Bounds of(Window window) {
        return new Bounds(window.sinceMicros(), window.untilMicros());
    }

    Sql.Params into(Sql.Params params) {
        return params.with("since", since).with("until", until);
    }
}
