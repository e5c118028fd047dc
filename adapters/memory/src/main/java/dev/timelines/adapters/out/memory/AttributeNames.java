package dev.timelines.adapters.out.memory;

import dev.timelines.domain.CodePointOrder;
import dev.timelines.domain.JsonValue;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The top-level attribute names of all stored events, each with how many events use it. Counted in a hash
 * map on every ingested event; sorted (in code point order) only when listed, which is rare and cheap.
 */
final class AttributeNames {

    private final Map<String, long[]> events = new HashMap<>();

    /** How many events use each name, for an image of the store. */
    Map<String, Long> counts() {
        Map<String, Long> counts = new HashMap<>();
        events.forEach((name, count) -> counts.put(name, count[0]));
        return counts;
    }

    /** Loads the counts of an image; nothing may have been counted yet. */
    void restore(Map<String, Long> counts) {
        counts.forEach((name, count) -> events.put(name, new long[] {count}));
    }

    void add(JsonValue.Obj data) {
        data.members().keySet().forEach(name -> events.computeIfAbsent(name, n -> new long[1])[0]++);
    }

    void remove(JsonValue.Obj data) {
        for (String name : data.members().keySet()) {
            long[] count = events.get(name);
            if (--count[0] == 0) {
                events.remove(name);
            }
        }
    }

    List<String> after(Optional<String> after, int limit) {
        return events.keySet().stream()
                .filter(name -> after.map(start -> CodePointOrder.INSTANCE.compare(name, start) > 0).orElse(true))
                .sorted(CodePointOrder.INSTANCE).limit(limit).toList();
    }
}
