package dev.timelines.application.question;

import dev.timelines.application.model.AdjacentValues;
import dev.timelines.application.model.Scope;
import dev.timelines.application.model.ValueDurations;
import dev.timelines.application.port.out.IndexedAnswers;
import dev.timelines.application.port.out.StaySelection;
import dev.timelines.application.port.out.TimelineStays;
import dev.timelines.application.port.out.ValueSpellings;
import dev.timelines.domain.Attribute;
import dev.timelines.domain.JsonValue;
import dev.timelines.domain.Stay;
import dev.timelines.domain.Window;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code next} and {@code previous} (docs/semantics.md): for every entry into a value in the window, the value
 * held after (or before) it and how long the stay in between lasted; {@code none} when there is no such value
 * (still in the value for {@code next}; the timeline's first change point for {@code previous}). A condition is
 * evaluated at each entry's change point.
 */
public final class PartialAdjacentValues
        implements RetractablePartial<PartialAdjacentValues, AdjacentValues, PartialAdjacentValues.Contents> {

    private static final Comparator<ValueDurations> NEIGHBOUR_ORDER =
            Rankings.largestFirst(ValueDurations::count, ValueDurations::value);

    /** Which neighbour of the entered stay a question is about. */
    public enum Direction {
        /** The value that followed, after the time spent in the entered value; the window does not cut it. */
        NEXT {
            @Override
            Optional<Stay.Neighbour> neighbour(Stay stay) {
                return stay.next();
            }

            @Override
            long duration(Stay stay) {
                return stay.durationMicros().orElseThrow();
            }
        },
        /** The value left, after the time spent in it. */
        PREVIOUS {
            @Override
            Optional<Stay.Neighbour> neighbour(Stay stay) {
                return stay.previous();
            }

            @Override
            long duration(Stay stay) {
                return stay.transition().durationMicros();
            }
        };

        abstract Optional<Stay.Neighbour> neighbour(Stay stay);

        abstract long duration(Stay stay);
    }

    /** What came after or before the entries into a value in a window. */
    public record Question(JsonValue value, Window window, Direction direction, Scope scope)
            implements RetractableQuestion<PartialAdjacentValues> {

        @Override
        public PartialAdjacentValues ask() {
            return new PartialAdjacentValues(value, window, direction, scope);
        }

        @Override
        public boolean fastPath(IndexedAnswers indexed, Attribute attribute, PartialAdjacentValues partial) {
            return indexed.adjacent(attribute, partial);
        }
    }

    /** The entries counted, those without a neighbour, and the durations per neighbouring value. */
    public record Contents(long entries, long none, List<ValueSamples> neighbours) {
    }

    private final JsonValue value;
    private final Window window;
    private final Direction direction;
    private final Scope scope;
    private final Map<JsonValue, DurationSamples> neighbours = new HashMap<>();
    private final Spellings spellings = new Spellings();
    private long entries;
    private long none;

    public PartialAdjacentValues(JsonValue value, Window window, Direction direction, Scope scope) {
        this.value = value;
        this.window = window;
        this.direction = direction;
        this.scope = scope;
    }

    public JsonValue value() {
        return value;
    }

    public Window window() {
        return window;
    }

    public Direction direction() {
        return direction;
    }

    /** The entries into the value in the window: its stays that began there. */
    @Override
    public StaySelection selection() {
        return StaySelection.of(new StaySelection.EnteredIn(window)).withValue(value);
    }

    @Override
    public Scope scope() {
        return scope;
    }

    @Override
    public void add(TimelineStays timeline) {
        for (Stay stay : timeline.enteredWhere(scope.where())) {
            Optional<Stay.Neighbour> neighbour = direction.neighbour(stay);
            addEntries(1, neighbour.isEmpty() ? 1 : 0);
            if (neighbour.isPresent()) {
                neighbours.computeIfAbsent(neighbour.get().value(), key -> new DurationSamples())
                        .add(direction.duration(stay));
            }
        }
    }

    /** Counts entries found elsewhere, {@code none} of them without a neighbour. */
    public void addEntries(long count, long withoutNeighbour) {
        entries += count;
        none += withoutNeighbour;
    }

    /** Adds the durations of entries, counted through {@link #addEntries}, whose neighbour was {@code neighbour}. */
    public void addNeighbour(JsonValue neighbour, DurationSamples durations) {
        neighbours.merge(neighbour, durations, DurationSamples::merge);
    }

    @Override
    public void spell(ValueSpellings store) {
        spellings.add(store);
    }

    @Override
    public PartialAdjacentValues merge(PartialAdjacentValues other) {
        spellings.merge(other.spellings);
        return addContents(other.contents());
    }

    @Override
    public Contents contents() {
        return new Contents(entries, none, ValueSamples.listed(neighbours));
    }

    @Override
    public PartialAdjacentValues addContents(Contents contents) {
        addEntries(contents.entries(), contents.none());
        contents.neighbours().forEach(neighbour -> addNeighbour(neighbour.value(), neighbour.samples()));
        return this;
    }

    @Override
    public PartialAdjacentValues inScope(Scope other) {
        return new PartialAdjacentValues(value, window, direction, other);
    }

    @Override
    public PartialAdjacentValues without(PartialAdjacentValues counted) {
        addEntries(-counted.entries, -counted.none);
        counted.neighbours.forEach((neighbour, durations) -> neighbours.get(neighbour).without(durations));
        return this;
    }

    @Override
    public AdjacentValues answer() {
        List<ValueDurations> ranked = neighbours.entrySet().stream().filter(entry -> entry.getValue().count() > 0)
                .map(entry -> new ValueDurations(spellings.shown(entry.getKey()), entry.getValue().statistics()))
                .sorted(NEIGHBOUR_ORDER).toList();
        return new AdjacentValues(value, entries, ranked, none);
    }
}
