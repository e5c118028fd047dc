package dev.timelines.application.port.out;

import dev.timelines.domain.Timeline;
import dev.timelines.domain.TimelineKey;
import java.util.Optional;

/** Reads one timeline as a consistent snapshot. */
public interface TimelineReader {

    Optional<Timeline> timeline(TimelineKey key);
}
