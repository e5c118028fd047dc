package dev.timelines.adapters.out.memory;

import dev.timelines.application.model.ValueUsage;
import dev.timelines.application.port.out.Spelling;
import dev.timelines.domain.Attribute;
import dev.timelines.domain.Event;
import dev.timelines.domain.JsonValue;
import dev.timelines.domain.Timeline;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The distinct values of one attribute as dense int ids (JSON equality: {@code 1} and {@code 1.0} share one),
 * with the events and timelines carrying each. An id is freed when no event carries its value any more, so
 * the dictionary holds only live values. Of equal values it shows the one with the lowest seq seen since the
 * value was last absent. Not thread-safe.
 */
final class ValueDictionary {

    private final Map<JsonValue, Integer> ids = new HashMap<>();
    private JsonValue[] values = new JsonValue[8];
    private long[] firstSeq = new long[8];
    private long[] events = new long[8];
    private int[] timelines = new int[8];
    private int[] free = new int[8];
    private int freeCount;
    private int slots;

    /** The id of a value, or -1 when no event carries it. */
    int idOf(JsonValue value) {
        Integer id = ids.get(value);
        return id == null ? -1 : id;
    }

    JsonValue value(int id) {
        return values[id];
    }

    /** The spelling the value is shown in and the seq that wrote it; empty when no event carries it. */
    Optional<Spelling> spelling(JsonValue value) {
        int id = idOf(value);
        return id < 0 ? Optional.empty() : Optional.of(new Spelling(values[id], firstSeq[id]));
    }

    /** Counts one more event carrying the value and returns its id. */
    int addEvent(JsonValue value, long seq) {
        Integer known = ids.get(value);
        int id = known == null ? allocate(value, seq) : known;
        if (seq < firstSeq[id]) {
            values[id] = value;
            firstSeq[id] = seq;
        }
        events[id]++;
        return id;
    }

    void addTimeline(int id) {
        timelines[id]++;
    }

    /** Forgets one timeline that carried the value in {@code count} events. */
    void removeTimeline(int id, int count) {
        timelines[id]--;
        events[id] -= count;
        if (events[id] == 0) {
            ids.remove(values[id]);
            values[id] = null;
            if (freeCount == free.length) {
                free = Arrays.copyOf(free, freeCount * 2);
            }
            free[freeCount++] = id;
        }
    }

    /** How many distinct values events carry. */
    int size() {
        return ids.size();
    }

    /** One more than the highest id in use: the size of arrays indexed by value id. */
    int slots() {
        return slots;
    }

    List<ValueUsage> usage() {
        List<ValueUsage> usage = new ArrayList<>(ids.size());
        for (int id = 0; id < slots; id++) {
            if (values[id] != null) {
                usage.add(new ValueUsage(values[id], events[id], timelines[id]));
            }
        }
        return usage;
    }

    /** The usage counted over the given timelines' events instead (a store as known at a moment), shown as here. */
    List<ValueUsage> usageOf(List<Timeline> known, Attribute attribute) {
        long[] counted = new long[slots];
        long[] carriers = new long[slots];
        for (Timeline timeline : known) {
            Set<Integer> carried = new HashSet<>();
            for (Event event : timeline.events()) {
                attribute.valueIn(event.data()).map(this::idOf).ifPresent(id -> {
                    counted[id]++;
                    carried.add(id);
                });
            }
            carried.forEach(id -> carriers[id]++);
        }
        List<ValueUsage> usage = new ArrayList<>();
        for (int id = 0; id < slots; id++) {
            if (counted[id] > 0) {
                usage.add(new ValueUsage(values[id], counted[id], carriers[id]));
            }
        }
        return usage;
    }

    private int allocate(JsonValue value, long seq) {
        int id;
        if (freeCount > 0) {
            id = free[--freeCount];
        } else {
            id = slots++;
            if (id == values.length) {
                int capacity = id * 2;
                values = Arrays.copyOf(values, capacity);
                firstSeq = Arrays.copyOf(firstSeq, capacity);
                events = Arrays.copyOf(events, capacity);
                timelines = Arrays.copyOf(timelines, capacity);
            }
        }
        ids.put(value, id);
        values[id] = value;
        firstSeq[id] = seq;
        events[id] = 0;
        timelines[id] = 0;
        return id;
    }
}
