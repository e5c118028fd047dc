package dev.timelines.adapters.out.kafka;

import dev.timelines.domain.TimelineEvent;
import dev.timelines.domain.TimelineKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The records read and not yet applied. A request's events are applied together once all its records in this
 * node's partitions are read, and every record is applied in its partition's log order: a request waits for the
 * records before its own in each of its partitions, so that a delete (a tombstone) takes out exactly the events
 * written before it, whatever the order in which the consumer reads the partitions.
 *
 * <p>Two nodes writing at once may commit two requests in opposite orders in two partitions (Kafka orders each
 * partition, not the store): each then waits for the other. Such a cycle is broken by applying the records of the
 * first partition's first request there alone, its other records following in their partitions' order: every
 * partition is still applied in log order, so every node still builds the same store and the same verdicts, but a
 * reader may then see that request's partitions one after the other. Within one partition, the records of two
 * requests committed at once may interleave: a request is applied at the place of its first record there, as if
 * written whole at that place, alike on every node.
 */
final class PendingRequests {

    /** What applying a record, or a whole request, does to the engine. */
    sealed interface Applied {
    }

    /** A request's events, each with the seq its place in the log gives it. */
    record Events(long request, List<TimelineEvent> events) implements Applied {
    }

    /**
     * A tombstone: the timeline deleted, with the seq its place in the log gives it, and its request (none in a
     * tombstone written before deletions were asked for their verdict).
     */
    record Delete(OptionalLong request, TimelineKey timeline, long seq) implements Applied {
    }

    /** A request or a tombstone, with where its records lie and how many of them are still to be read. */
    private static final class Item {
        /** Per partition, its events in log order. */
        private final Map<Integer, List<TimelineEvent>> events = new TreeMap<>();
        private final Map<Integer, Long> firstOffsets = new HashMap<>();
        private final long request;
        private final Delete deleted;
        private int missing;

        Item(long request, int expected, Delete deleted) {
            this.request = request;
            this.missing = expected;
            this.deleted = deleted;
        }

        Applied applied() {
            if (deleted != null) {
                return deleted;
            }
            List<TimelineEvent> all = new ArrayList<>();
            events.values().forEach(all::addAll);
            return new Events(request, all);
        }

        /** Its events in one partition, taken out of it: the rest waits in the other partitions. */
        Applied takenFrom(int partition) {
            firstOffsets.remove(partition);
            return new Events(request, events.remove(partition));
        }
    }

    private final Map<Long, Item> requests = new HashMap<>();
    /** Per partition, the items of the records read and not applied, by offset. */
    private final Map<Integer, TreeMap<Long, Item>> unapplied = new HashMap<>();

    /** A record of a request, which has {@code expected} records in this node's partitions. */
    void event(long request, int expected, TimelineEvent event, int partition, long offset, Consumer<Applied> apply) {
        Item item = requests.computeIfAbsent(request, none -> new Item(request, expected, null));
        item.events.computeIfAbsent(partition, none -> new ArrayList<>()).add(event);
        item.missing--;
        read(item, partition, offset);
        if (item.missing == 0) {
            requests.remove(request);
        }
        applyReady(apply);
    }

    /** A tombstone. */
    void delete(Delete deletion, int partition, long offset, Consumer<Applied> apply) {
        read(new Item(0, 0, deletion), partition, offset);
        applyReady(apply);
    }

    /** The offset up to which a partition is applied: its read position, or its first record still waiting. */
    long appliedUpTo(int partition, long position) {
        TreeMap<Long, Item> waiting = unapplied.get(partition);
        return waiting == null || waiting.isEmpty() ? position : Math.min(position, waiting.firstKey());
    }

    void clear() {
        requests.clear();
        unapplied.clear();
    }

    private void read(Item item, int partition, long offset) {
        item.firstOffsets.putIfAbsent(partition, offset);
        unapplied.computeIfAbsent(partition, none -> new TreeMap<>()).put(offset, item);
    }

    /**
     * Applies, while there is one, a complete item that is first in each of its partitions; when none is but every
     * partition's first item is complete, they wait for each other: the first partition's first item is applied
     * there alone.
     */
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
            if (!progress && waitingForEachOther()) {
                Map.Entry<Integer, TreeMap<Long, Item>> first = unapplied.entrySet().stream()
                        .filter(partition -> !partition.getValue().isEmpty())
                        .min(Map.Entry.comparingByKey()).orElseThrow();
                Item item = first.getValue().firstEntry().getValue();
                first.getValue().values().removeIf(other -> other == item);
                apply.accept(item.takenFrom(first.getKey()));
                progress = true;
            }
        }
    }

    /** Some records wait, and each partition's first is of a complete item: a cycle, as none of them is ready. */
    private boolean waitingForEachOther() {
        boolean waiting = false;
        for (TreeMap<Long, Item> partition : unapplied.values()) {
            if (!partition.isEmpty()) {
                if (partition.firstEntry().getValue().missing > 0) {
                    return false;
                }
                waiting = true;
            }
        }
        return waiting;
    }

    private boolean ready(Item item) {
        return item.missing == 0 && item.firstOffsets.entrySet().stream()
                .allMatch(first -> unapplied.get(first.getKey()).firstKey().equals(first.getValue()));
    }
}
