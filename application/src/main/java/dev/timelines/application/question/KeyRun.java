package dev.timelines.application.question;

import dev.timelines.application.port.out.KeyRange;
import dev.timelines.application.port.out.StaySelection;
import dev.timelines.domain.JsonValue;
import dev.timelines.domain.Stay;
import dev.timelines.domain.TimelineKey;
import dev.timelines.domain.Timestamp;
import dev.timelines.domain.Window;
import java.util.ArrayList;
import java.util.List;

/**
 * The searches by state (docs/semantics.md, "Search"): the keys, in code point order, of the timelines in a key
 * range having a stay the selection matches, at most the range's limit of them. Runs of keys merge by sorting.
 */
public final class KeyRun implements PartialAnswer<KeyRun, List<TimelineKey>> {

    private final StaySelection selection;
    private final KeyRange range;
    private final List<TimelineKey> keys = new ArrayList<>();
    private boolean sorted = true;

    private KeyRun(StaySelection selection, KeyRange range) {
        this.selection = selection;
        this.range = range;
    }

    /** Timelines whose state at {@code at} is the value. */
    public static KeyRun inState(JsonValue value, Timestamp at, KeyRange range) {
        return new KeyRun(StaySelection.of(new StaySelection.HoldingAt(at)).withValue(value), range);
    }

    /** Timelines in the value for a positive time inside the window. */
    public static KeyRun inStateDuring(JsonValue value, Window window, KeyRange range) {
        return new KeyRun(StaySelection.of(new StaySelection.Overlapping(window)).withValue(value), range);
    }

    @Override
    public StaySelection selection() {
        return selection;
    }

    public KeyRange range() {
        return range;
    }

    @Override
    public void add(List<Stay> stays) {
        TimelineKey key = stays.get(0).timeline();
        if (range.contains(key)) {
            keys.add(key);
            sorted = false;
        }
    }

    /** Adds keys found elsewhere, all in the range, in code point order. */
    public void addSorted(List<TimelineKey> found) {
        sorted = keys.isEmpty();
        keys.addAll(found);
    }

    @Override
    public KeyRun merge(KeyRun other) {
        keys.addAll(other.keys);
        sorted = false;
        return this;
    }

    /** The first keys of the range, at most its limit. */
    @Override
    public List<TimelineKey> answer() {
        if (!sorted) {
            keys.sort(null);
        }
        return keys.size() <= range.limit() ? keys : keys.subList(0, range.limit());
    }
}
