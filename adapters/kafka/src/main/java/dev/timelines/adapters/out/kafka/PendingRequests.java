package dev.timelines.adapters.out.kafka;

import dev.timelines.domain.TimelineEvent;
import dev.timelines.domain.TimelineKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The records read and not yet applied. A request's events are applied together once all its records in the
 * partitions it is awaited in are read (this node's, or those that started at the same point, {@link StartPoints}),
 * and every record is applied in its partition's log order: a request waits for the records before its own in each
 * of its partitions, so that a delete (a tombstone) takes out exactly the events written before it, whatever the
 * order in which the consumer reads the partitions.
 */
final class PendingRequests {

    /** What applying a record, or a whole request, does to the engine. */
    sealed interface Applied {
    }

    /** A request's events. */
    record Events(List<TimelineEvent> events) implements Applied {
    }

    /** A tombstone: the timeline deleted, with the seq the deletion took (none in tombstones written before). */
    record Delete(TimelineKey timeline, OptionalLong seq) implements Applied {
    }

    /** A request or a tombstone, with where its records lie and how many of them are still to be read. */
    private static final class Item {
        private final List<TimelineEvent> events = new ArrayList<>();
        private final Map<Integer, Long> firstOffsets = new HashMap<>();
        private final Delete deleted;
        private int missing;

        Item(int expected, Delete deleted) {
            this.missing = expected;
            this.deleted = deleted;
        }

        Applied applied() {
            return deleted == null ? new Events(List.copyOf(events)) : deleted;
        }
    }

    /** The requests read in part, by request and the partitions their records are awaited in. */
    private final Map<Map.Entry<Long, Set<Integer>>, Item> requests = new HashMap<>();
    /** Per partition, the items of the records read and not applied, by offset. */
    private final Map<Integer, TreeMap<Long, Item>> unapplied = new HashMap<>();

    /**
     * A record of a request, which has {@code expected} records in the partitions {@code awaitedIn} (this node's,
     * or those that started at the same point, {@link StartPoints}): it is applied with them.
     */
    void event(long request, Set<Integer> awaitedIn, int expected, TimelineEvent event, int partition, long offset,
            Consumer<Applied> apply) {
        Map.Entry<Long, Set<Integer>> part = Map.entry(request, awaitedIn);
        Item item = requests.computeIfAbsent(part, none -> new Item(expected, null));
        item.events.add(event);
        item.missing--;
        read(item, partition, offset);
        if (item.missing == 0) {
            requests.remove(part);
        }
        applyReady(apply);
    }

    /** A tombstone. */
    void delete(Delete deletion, int partition, long offset, Consumer<Applied> apply) {
        read(new Item(0, deletion), partition, offset);
        applyReady(apply);
    }

    /** The offset up to which a partition is applied: its read position, or its first record still waiting. */
    long appliedUpTo(int partition, long position) {
        TreeMap<Long, Item> waiting = unapplied.get(partition);
        return waiting == null || waiting.isEmpty() ? position : Math.min(position, waiting.firstKey());
    }

    /** Whether a record read in the partition waits to be applied. */
    boolean waiting(int partition) {
        TreeMap<Long, Item> waiting = unapplied.get(partition);
        return waiting != null && !waiting.isEmpty();
    }

    void clear() {
        requests.clear();
        unapplied.clear();
    }

    private void read(Item item, int partition, long offset) {
        item.firstOffsets.putIfAbsent(partition, offset);
        unapplied.computeIfAbsent(partition, none -> new TreeMap<>()).put(offset, item);
    }

    /** Applies, while there is one, a complete item that is first in each of its partitions. */
    private void applyReady(Consumer<Applied> apply) {
        boolean progress = true;
        while (progress) {
            progress = false;
            for (TreeMap<Long, Item> waiting : unapplied.values()) {
                if (!waiting.isEmpty() && ready(waiting.firstEntry().getValue())) {
                    Item item = waiting.firstEntry().getValue();
                    unapplied.values().forEach(partition -> partition.values().removeIf(other -> other == item));
                    apply.accept(item.applied());
                    progress = true;
                    break;
                }
            }
        }
    }

    private boolean ready(Item item) {
        return item.missing == 0 && item.firstOffsets.entrySet().stream()
                .allMatch(first -> unapplied.get(first.getKey()).firstKey().equals(first.getValue()));
    }
}
