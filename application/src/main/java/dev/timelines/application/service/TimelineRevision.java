package dev.timelines.application.service;

import dev.timelines.domain.Timeline;
import dev.timelines.domain.TimelineKey;
import java.util.Optional;

/**
 * One timeline before and after a durable write: an append (before is empty for a new timeline) or a deletion
 * (after is empty). Every transition message is the difference between the two.
 */
public record TimelineRevision(TimelineKey key, Optional<Timeline> before, Optional<Timeline> after) {

    /** Whether the write changed the timeline: a batch of duplicates only leaves it as it was. */
    public boolean changes() {
        return before.map(then -> then.events().size()).orElse(0) != after.map(now -> now.events().size()).orElse(0);
    }
}
