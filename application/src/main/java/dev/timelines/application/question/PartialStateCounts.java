package dev.timelines.application.question;

import dev.timelines.application.model.StateCounts;
import dev.timelines.application.model.ValueCount;
import dev.timelines.application.port.out.StaySelection;
import dev.timelines.domain.JsonValue;
import dev.timelines.domain.Stay;
import dev.timelines.domain.Timestamp;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** States at a moment (docs/semantics.md, "State"): how many timelines hold each value then. */
public final class PartialStateCounts implements PartialAnswer<PartialStateCounts, StateCounts> {

    private static final Comparator<ValueCount> COUNT_ORDER =
            Rankings.largestFirst(ValueCount::count, ValueCount::value);

    private final Timestamp at;
    private final Map<JsonValue, Long> counts = new HashMap<>();

    public PartialStateCounts(Timestamp at) {
        this.at = at;
    }

    public Timestamp at() {
        return at;
    }

    @Override
    public StaySelection selection() {
        return StaySelection.of(new StaySelection.HoldingAt(at));
    }

    /** A timeline has one stay holding at a moment: it counts once. */
    @Override
    public void add(List<Stay> stays) {
        stays.forEach(stay -> add(stay.value(), 1));
    }

    /** Counts timelines holding the value, counted elsewhere. */
    public void add(JsonValue value, long timelines) {
        counts.merge(value, timelines, Long::sum);
    }

    @Override
    public PartialStateCounts merge(PartialStateCounts other) {
        other.counts.forEach(this::add);
        return this;
    }

    @Override
    public StateCounts answer() {
        return new StateCounts(at, counts.entrySet().stream().filter(count -> count.getValue() > 0)
                .map(count -> new ValueCount(count.getKey(), count.getValue())).sorted(COUNT_ORDER).toList());
    }
}
