package dev.timelines.bench.workload;

import java.util.Locale;

/** The statuses an order goes through; {@link #json()} is the value written into the events. */
enum Status {
    CREATED, PAID, PACKED, SHIPPED, DELIVERED, ON_HOLD, CANCELLED, RETURNED;

    private final String json = name().toLowerCase(Locale.ROOT);

    String json() {
        return json;
    }
}
