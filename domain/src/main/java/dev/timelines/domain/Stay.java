package dev.timelines.domain;

import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A value held by a timeline from one change point until the next change point, or for good when there is none
 * (docs/semantics.md, "Stays"). It knows what came before it (the previous stay's value and since when that was
 * held) and what came after it (the next value and when it began). Every rule about states and transitions is a
 * method here; the indexes of the storage adapters compute the same figures from primitives through the static
 * forms of these rules.
 */
public record Stay(TimelineKey timeline, JsonValue value, Timestamp since, long seq, Optional<Neighbour> previous,
        Optional<Neighbour> next) {

    /** A neighbouring stay: its value, and the change point where it began. */
    public record Neighbour(JsonValue value, Timestamp since) {
    }

    /** The end of a stay still held, as a microsecond bound: it has no end. */
    public static final long OPEN = Long.MAX_VALUE;

    public Stay {
        if (timeline == null || value == null || since == null || previous == null || next == null) {
            throw new IllegalArgumentException("a stay has a timeline, a value, a start and optional neighbours");
        }
    }

    /** The same stay with each value (its own and its neighbours') replaced, as storage shows values. */
    public Stay withValues(UnaryOperator<JsonValue> shown) {
        return new Stay(timeline, shown.apply(value), since, seq,
                previous.map(before -> new Neighbour(shown.apply(before.value()), before.since())),
                next.map(after -> new Neighbour(shown.apply(after.value()), after.since())));
    }

    /** The timeline's first change point is an entry: a transition with no {@code from}. */
    public boolean isEntry() {
        return previous.isEmpty();
    }

    /** The stay's end in microseconds, {@link #OPEN} while it is still held. */
    public long endMicros() {
        return next.map(after -> after.since().micros()).orElse(OPEN);
    }

    /** The transition that began this stay: from the previous value after its duration, or an entry. */
    public Transition transition() {
        return new Transition(timeline, since, seq, previous.map(Neighbour::value), value,
                previous.map(before -> since.micros() - before.since().micros()).orElse(0L));
    }

    /** Whether the change point that began the stay lies in the window: the rule of transitions and entries. */
    public boolean enteredIn(Window window) {
        return window.contains(since);
    }

    /** The rule of "state at T": see {@link #holds(long, long, long)}. */
    public boolean holdsAt(Timestamp at) {
        return holds(since.micros(), endMicros(), at.micros());
    }

    /** Whether the stay has a positive time inside the window, an open stay counting as held for good. */
    public boolean hasTimeIn(Window window) {
        return overlaps(since.micros(), endMicros(), window.sinceMicros(), window.untilMicros());
    }

    /** The time in microseconds the stay spends inside the window: see {@link #microsIn(long, long, long, long, long)}. */
    public long microsIn(Window window, Timestamp now) {
        return microsIn(since.micros(), endMicros(), window.sinceMicros(), window.untilMicros(), now.micros());
    }

    /** How long the stay has lasted at {@code at}: its age, for a stay holding then. */
    public long ageMicros(Timestamp at) {
        return at.micros() - since.micros();
    }

    /** Stuck: holding at {@code at} since strictly longer than the given time. */
    public boolean stuckAt(Timestamp at, long longerThanMicros) {
        return holdsAt(at) && ageMicros(at) > longerThanMicros;
    }

    /**
     * Of a timeline's stays in time order, the one begun by the last change point at or before the point
     * {@code (t, seq)} in timeline order; null when there is none. Binary search: a condition is looked up per
     * candidate, never by scanning events.
     */
    public static Stay heldAt(List<Stay> stays, Timestamp t, long seq) {
        int low = 0;
        int high = stays.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            Stay stay = stays.get(mid);
            int order = stay.since().compareTo(t);
            if (order < 0 || order == 0 && stay.seq() <= seq) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low == 0 ? null : stays.get(low - 1);
    }

    /** How long the stay lasted until the next value began; empty while it is held. */
    public Optional<Long> durationMicros() {
        return next.map(after -> after.since().micros() - since.micros());
    }

    /**
     * State at T: the value of the last change point at or before T, of several at T the one with the highest seq.
     * As stays, a value holds from its change point (inclusive) to the next one (exclusive): a stay that ends at
     * the time it began, because a later change point shares its timestamp, never holds.
     */
    public static boolean holds(long since, long end, long at) {
        return since <= at && at < end;
    }

    /**
     * Time in a state inside {@code [windowSince, windowUntil)}: the stay clipped to the window, a stay still
     * held ending at the window's end or at now, whichever is earlier. Never negative.
     */
    public static long microsIn(long since, long end, long windowSince, long windowUntil, long now) {
        return overlapMicros(since, end == OPEN ? Math.min(windowUntil, now) : end, windowSince, windowUntil);
    }

    /** Whether {@code [start, end)} and {@code [windowSince, windowUntil)} share a positive time. */
    public static boolean overlaps(long start, long end, long windowSince, long windowUntil) {
        return Math.max(start, windowSince) < Math.min(end, windowUntil);
    }

    /** The length of {@code [start, end) ∩ [windowSince, windowUntil)} for a finite end; zero when they do not meet. */
    private static long overlapMicros(long start, long end, long windowSince, long windowUntil) {
        long from = Math.max(start, windowSince);
        long to = Math.min(end, windowUntil);
        return to > from ? to - from : 0;
    }
}
