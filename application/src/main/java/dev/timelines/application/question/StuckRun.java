package dev.timelines.application.question;

import dev.timelines.application.model.Scope;
import dev.timelines.application.model.StuckTimeline;
import dev.timelines.application.port.out.IndexedAnswers;
import dev.timelines.application.port.out.StaySelection;
import dev.timelines.application.port.out.TimelineStays;
import dev.timelines.application.port.out.ValueSpellings;
import dev.timelines.domain.Attribute;
import dev.timelines.domain.JsonValue;
import dev.timelines.domain.Stay;
import dev.timelines.domain.TimelineKey;
import dev.timelines.domain.Timestamp;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * Stuck timelines (docs/semantics.md, "Stuck timelines and state ages"): those holding a value (any, or the one
 * asked) at a moment since strictly longer than a time, where the condition holds then; ordered by since, then
 * key in code point order; a page resumes after a position in that order. Runs merge by sorting.
 */
public final class StuckRun implements PartialAnswer<StuckRun, List<StuckTimeline>, StuckRun.Contents> {

    /** A place in the order of the list: since, then key. */
    public record Position(long sinceMicros, TimelineKey timeline) implements Comparable<Position> {

        private static final Comparator<Position> ORDER = bySinceThenKey(Position::sinceMicros, Position::timeline);

        /**
         * The same order over the stuck timelines themselves: sorting thousands by {@code Position::of} made two
         * positions per comparison, which the profile of issue 16 found to be a fifth of the question's work.
         */
        public static final Comparator<StuckTimeline> LIST_ORDER =
                bySinceThenKey(stuck -> stuck.since().micros(), StuckTimeline::timeline);

        private static <T> Comparator<T> bySinceThenKey(ToLongFunction<T> since, Function<T, TimelineKey> key) {
            return Comparator.comparingLong(since).thenComparing(key);
        }

        public static Position of(StuckTimeline stuck) {
            return new Position(stuck.since().micros(), stuck.timeline());
        }

        @Override
        public int compareTo(Position other) {
            return ORDER.compare(this, other);
        }
    }

    /** A page of the timelines stuck at a moment. */
    public record Question(Optional<JsonValue> value, long longerThanMicros, Timestamp at, Optional<Position> after,
            int limit, Scope scope) implements PartialQuestion<StuckRun> {

        @Override
        public StuckRun ask() {
            return new StuckRun(value, longerThanMicros, at, after, limit, scope);
        }

        @Override
        public boolean fastPath(IndexedAnswers indexed, Attribute attribute, StuckRun partial) {
            return indexed.stuck(attribute, partial);
        }
    }

    /** The first stuck timelines found, in list order. */
    public record Contents(List<StuckTimeline> stuck) {
    }

    private final Optional<JsonValue> value;
    private final long longerThanMicros;
    private final Timestamp at;
    private final Optional<Position> after;
    private final int limit;
    private final Scope scope;
    private final SortedRun<StuckTimeline> found;
    private final Spellings spellings = new Spellings();

    public StuckRun(Optional<JsonValue> value, long longerThanMicros, Timestamp at, Optional<Position> after,
            int limit, Scope scope) {
        this.value = value;
        this.longerThanMicros = longerThanMicros;
        this.at = at;
        this.after = after;
        this.limit = limit;
        this.scope = scope;
        this.found = new SortedRun<>(Position.LIST_ORDER, limit);
    }

    public long longerThanMicros() {
        return longerThanMicros;
    }

    public Timestamp at() {
        return at;
    }

    public Optional<Position> after() {
        return after;
    }

    public int limit() {
        return limit;
    }

    @Override
    public StaySelection selection() {
        return new StaySelection(new StaySelection.HoldingAt(at), value, Optional.empty());
    }

    @Override
    public Scope scope() {
        return scope;
    }

    @Override
    public void add(TimelineStays timeline) {
        if (!timeline.holdsAt(scope.where(), at)) {
            return;
        }
        for (Stay stay : timeline.stays()) {
            if (stay.stuckAt(at, longerThanMicros)) {
                StuckTimeline stuck = new StuckTimeline(timeline.key(), stay.value(), stay.since(), stay.ageMicros(at));
                if (after.map(position -> Position.of(stuck).compareTo(position) > 0).orElse(true)) {
                    found.add(stuck);
                }
            }
        }
    }

    /** Adds stuck timelines found elsewhere, all selected and after the position, in list order. */
    public void addSorted(List<StuckTimeline> stuck) {
        found.addSorted(stuck);
    }

    @Override
    public void spell(ValueSpellings store) {
        spellings.add(store);
    }

    @Override
    public StuckRun merge(StuckRun other) {
        spellings.merge(other.spellings);
        return addContents(other.contents());
    }

    @Override
    public Contents contents() {
        return new Contents(found.first());
    }

    @Override
    public StuckRun addContents(Contents contents) {
        addSorted(contents.stuck());
        return this;
    }

    @Override
    public List<StuckTimeline> answer() {
        return found.first().stream().map(stuck -> new StuckTimeline(stuck.timeline(),
                spellings.shown(stuck.value()), stuck.since(), stuck.micros())).toList();
    }
}
