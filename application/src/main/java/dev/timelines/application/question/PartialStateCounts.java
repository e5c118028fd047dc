package dev.timelines.application.question;

import dev.timelines.application.model.Scope;
import dev.timelines.application.model.StateCount;
import dev.timelines.application.model.StateCounts;
import dev.timelines.application.model.ValueCount;
import dev.timelines.application.port.out.IndexedAnswers;
import dev.timelines.application.port.out.StaySelection;
import dev.timelines.application.port.out.TimelineStays;
import dev.timelines.application.port.out.ValueSpellings;
import dev.timelines.domain.Attribute;
import dev.timelines.domain.DurationStatistics;
import dev.timelines.domain.JsonValue;
import dev.timelines.domain.Stay;
import dev.timelines.domain.Timestamp;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * States at a moment (docs/semantics.md, "States and time in state"): how many timelines hold each value then,
 * where the condition holds then; with ages, the statistics of how long each had held its value (State ages).
 */
public final class PartialStateCounts
        implements RetractablePartial<PartialStateCounts, StateCounts, PartialStateCounts.Contents> {

    private static final Comparator<StateCount> COUNT_ORDER =
            Rankings.largestFirst(StateCount::count, StateCount::value);

    /** The states at a moment, with their ages or without. */
    public record Question(Timestamp at, Scope scope, boolean ages) implements RetractableQuestion<PartialStateCounts> {

        @Override
        public PartialStateCounts ask() {
            return new PartialStateCounts(at, scope, ages);
        }

        @Override
        public boolean fastPath(IndexedAnswers indexed, Attribute attribute, PartialStateCounts partial) {
            return indexed.statesAt(attribute, partial);
        }
    }

    /** The timelines counted per value and, with ages, their ages per value. */
    public record Contents(List<ValueCount> counts, List<ValueSamples> ages) {
    }

    private final Timestamp at;
    private final Scope scope;
    private final boolean ages;
    private final Map<JsonValue, Long> counts = new HashMap<>();
    private final Map<JsonValue, DurationSamples> agesByValue = new HashMap<>();
    private final Spellings spellings = new Spellings();

    public PartialStateCounts(Timestamp at, Scope scope, boolean ages) {
        this.at = at;
        this.scope = scope;
        this.ages = ages;
    }

    public Timestamp at() {
        return at;
    }

    public boolean ages() {
        return ages;
    }

    @Override
    public StaySelection selection() {
        return StaySelection.of(new StaySelection.HoldingAt(at));
    }

    @Override
    public Scope scope() {
        return scope;
    }

    /** A timeline has one stay holding at a moment: it counts once. */
    @Override
    public void add(TimelineStays timeline) {
        if (!timeline.holdsAt(scope.where(), at)) {
            return;
        }
        for (Stay stay : timeline.stays()) {
            add(stay.value(), 1);
            if (ages) {
                agesByValue.computeIfAbsent(stay.value(), key -> new DurationSamples()).add(stay.ageMicros(at));
            }
        }
    }

    /** Counts timelines holding the value, counted elsewhere. */
    public void add(JsonValue value, long timelines) {
        counts.merge(value, timelines, Long::sum);
    }

    /** Adds the ages of timelines counted through {@link #add(JsonValue, long)}. */
    public void addAges(JsonValue value, DurationSamples samples) {
        agesByValue.merge(value, samples, DurationSamples::merge);
    }

    @Override
    public void spell(ValueSpellings store) {
        spellings.add(store);
    }

    @Override
    public PartialStateCounts merge(PartialStateCounts other) {
        spellings.merge(other.spellings);
        return addContents(other.contents());
    }

    @Override
    public Contents contents() {
        return new Contents(counts.entrySet().stream().map(count -> new ValueCount(count.getKey(), count.getValue()))
                .toList(), ValueSamples.listed(agesByValue));
    }

    @Override
    public PartialStateCounts addContents(Contents contents) {
        contents.counts().forEach(count -> add(count.value(), count.count()));
        contents.ages().forEach(age -> addAges(age.value(), age.samples()));
        return this;
    }

    @Override
    public PartialStateCounts inScope(Scope other) {
        return new PartialStateCounts(at, other, ages);
    }

    @Override
    public PartialStateCounts without(PartialStateCounts counted) {
        counted.counts.forEach((value, timelines) -> add(value, -timelines));
        counted.agesByValue.forEach((value, samples) -> agesByValue.get(value).without(samples));
        return this;
    }

    @Override
    public StateCounts answer() {
        return new StateCounts(at, counts.entrySet().stream().filter(count -> count.getValue() > 0)
                .map(count -> new StateCount(spellings.shown(count.getKey()), count.getValue(),
                        age(count.getKey())))
                .sorted(COUNT_ORDER).toList());
    }

    private Optional<DurationStatistics> age(JsonValue value) {
        return ages ? Optional.of(agesByValue.get(value).statistics()) : Optional.empty();
    }
}
