package dev.timelines.bench;

import java.util.Locale;

/** How much data a run generates: {@code tiny} is a smoke run, the other two are the sizes of issue 5. */
public enum Scale {
    TINY(50_000, 1_000),
    SMALL(1_000_000, 20_000),
    LARGE(10_000_000, 200_000);

    private final int events;
    private final int timelines;

    Scale(int events, int timelines) {
        this.events = events;
        this.timelines = timelines;
    }

    public int events() {
        return events;
    }

    public int timelines() {
        return timelines;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
