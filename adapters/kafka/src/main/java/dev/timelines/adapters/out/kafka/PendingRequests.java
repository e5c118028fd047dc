package dev.timelines.adapters.out.kafka;

import dev.timelines.domain.TimelineEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The records of requests read in part: kept until the rest of the request's records in this node's partitions
 * arrive, then applied together.
 */
final class PendingRequests {

    /** One record read: its event and where it lies. */
    private record Part(TimelineEvent event, int partition, long offset) {
    }

    private final Map<Long, List<Part>> parts = new HashMap<>();

    /** Adds a record of a request; the request's events once {@code expected} of them are in, in log order. */
    Optional<List<TimelineEvent>> add(long request, int expected, TimelineEvent event, int partition,
            long offset) {
        List<Part> read = parts.computeIfAbsent(request, none -> new ArrayList<>());
        read.add(new Part(event, partition, offset));
        if (read.size() < expected) {
            return Optional.empty();
        }
        parts.remove(request);
        return Optional.of(read.stream().map(Part::event).toList());
    }

    /** The offset up to which a partition is applied: its read position, or its first record still waiting. */
    long appliedUpTo(int partition, long position) {
        long applied = position;
        for (List<Part> request : parts.values()) {
            for (Part part : request) {
                if (part.partition() == partition) {
                    applied = Math.min(applied, part.offset());
                }
            }
        }
        return applied;
    }

    void clear() {
        parts.clear();
    }
}
