package dev.timelines.application.question;

import dev.timelines.application.model.Scope;
import dev.timelines.application.port.out.IndexedAnswers;
import dev.timelines.application.port.out.KeyRange;
import dev.timelines.application.port.out.StaySelection;
import dev.timelines.application.port.out.TimelineStays;
import dev.timelines.application.port.out.ValueSpellings;
import dev.timelines.domain.Attribute;
import dev.timelines.domain.JsonValue;
import dev.timelines.domain.TimelineKey;
import dev.timelines.domain.Timestamp;
import dev.timelines.domain.Window;
import java.util.Comparator;
import java.util.List;

/**
 * The searches by state (docs/semantics.md, "Search"): the keys, in code point order, of the timelines in a key
 * range having a stay the selection matches, at most the range's limit of them; a condition is evaluated at the
 * moment asked about. Runs of keys merge by sorting.
 */
public final class KeyRun implements PartialAnswer<KeyRun, List<TimelineKey>, KeyRun.Contents> {

    /** A page of the timelines whose state at a moment is a value. */
    public record InState(JsonValue value, Timestamp at, KeyRange range, Scope scope)
            implements PartialQuestion<KeyRun> {

        @Override
        public KeyRun ask() {
            return inState(value, at, range, scope);
        }

        @Override
        public boolean fastPath(IndexedAnswers indexed, Attribute attribute, KeyRun partial) {
            return indexed.keys(attribute, partial);
        }
    }

    /** A page of the timelines in a value for a positive time inside a window. */
    public record InStateDuring(JsonValue value, Window window, KeyRange range, Scope scope)
            implements PartialQuestion<KeyRun> {

        @Override
        public KeyRun ask() {
            return inStateDuring(value, window, range, scope);
        }

        @Override
        public boolean fastPath(IndexedAnswers indexed, Attribute attribute, KeyRun partial) {
            return indexed.keys(attribute, partial);
        }
    }

    /** The first keys found, in code point order. */
    public record Contents(List<TimelineKey> keys) {
    }

    private final StaySelection selection;
    private final KeyRange range;
    private final Scope scope;
    private final SortedRun<TimelineKey> keys;

    private KeyRun(StaySelection selection, KeyRange range, Scope scope) {
        this.selection = selection;
        this.range = range;
        this.scope = scope;
        this.keys = new SortedRun<TimelineKey>(Comparator.naturalOrder(), range.limit());
    }

    /** Timelines whose state at {@code at} is the value, where the condition holds at {@code at}. */
    public static KeyRun inState(JsonValue value, Timestamp at, KeyRange range, Scope scope) {
        return new KeyRun(StaySelection.of(new StaySelection.HoldingAt(at)).withValue(value), range, scope);
    }

    /** Timelines in the value for a positive time inside the window (a condition is not asked for here). */
    public static KeyRun inStateDuring(JsonValue value, Window window, KeyRange range, Scope scope) {
        return new KeyRun(StaySelection.of(new StaySelection.Overlapping(window)).withValue(value), range, scope);
    }

    @Override
    public StaySelection selection() {
        return selection;
    }

    public KeyRange range() {
        return range;
    }

    @Override
    public Scope scope() {
        return scope;
    }

    @Override
    public void add(TimelineStays timeline) {
        TimelineKey key = timeline.key();
        boolean holds = !(selection.period() instanceof StaySelection.HoldingAt holding)
                || timeline.holdsAt(scope.where(), holding.at());
        if (holds && range.contains(key)) {
            keys.add(key);
        }
    }

    /** Adds keys found elsewhere, all in the range, in code point order. */
    public void addSorted(List<TimelineKey> found) {
        keys.addSorted(found);
    }

    /** Shows keys only: nothing to spell. */
    @Override
    public void spell(ValueSpellings store) {
    }

    @Override
    public KeyRun merge(KeyRun other) {
        return addContents(other.contents());
    }

    @Override
    public Contents contents() {
        return new Contents(keys.first());
    }

    @Override
    public KeyRun addContents(Contents contents) {
        addSorted(contents.keys());
        return this;
    }

    /** The first keys of the range, at most its limit. */
    @Override
    public List<TimelineKey> answer() {
        return keys.first();
    }
}
