package dev.timelines.application.port.in;

import dev.timelines.domain.TimelineKey;
import dev.timelines.domain.Timestamp;
import java.util.List;

/** A timeline at a glance: how many events, the first and last timestamps, its top-level attribute names. */
public record TimelineSummary(TimelineKey key, int events, Timestamp first, Timestamp last, List<String> attributes) {

    public TimelineSummary {
        attributes = List.copyOf(attributes);
    }
}
