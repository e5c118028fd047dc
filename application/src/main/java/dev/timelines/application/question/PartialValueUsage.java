package dev.timelines.application.question;

import dev.timelines.application.model.ValueUsage;
import dev.timelines.application.port.out.ValueSpellings;
import dev.timelines.domain.JsonValue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The distinct values of an attribute with the events and timelines carrying each ({@code /attributes/{name}/values}),
 * merged over stores holding disjoint sets of timelines: counts add up, and each value is shown by the rule of
 * {@link Spellings}. Not thread-safe.
 */
public final class PartialValueUsage {

    private final Map<JsonValue, long[]> counts = new LinkedHashMap<>();
    private final Spellings spellings = new Spellings();

    /** One store's usage, in any order, and the spellings that store shows its values in. */
    public PartialValueUsage(List<ValueUsage> usage, ValueSpellings store) {
        usage.forEach(value -> add(value.value(), value.events(), value.timelines()));
        spellings.add(store);
    }

    /** Takes in the usage of other stores; returns this. */
    public PartialValueUsage merge(PartialValueUsage other) {
        other.counts.forEach((value, counted) -> add(value, counted[0], counted[1]));
        spellings.merge(other.spellings);
        return this;
    }

    /** The usage of every value, in any order. */
    public List<ValueUsage> answer() {
        return counts.entrySet().stream().map(value -> new ValueUsage(spellings.shown(value.getKey()),
                value.getValue()[0], value.getValue()[1])).toList();
    }

    private void add(JsonValue value, long events, long timelines) {
        long[] counted = counts.computeIfAbsent(value, key -> new long[2]);
        counted[0] += events;
        counted[1] += timelines;
    }
}
