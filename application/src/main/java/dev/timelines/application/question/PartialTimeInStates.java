package dev.timelines.application.question;

import dev.timelines.application.model.Scope;
import dev.timelines.application.model.TimeInState;
import dev.timelines.application.port.out.IndexedAnswers;
import dev.timelines.application.port.out.StaySelection;
import dev.timelines.application.port.out.TimelineStays;
import dev.timelines.application.port.out.ValueSpellings;
import dev.timelines.domain.Attribute;
import dev.timelines.domain.JsonValue;
import dev.timelines.domain.Stay;
import dev.timelines.domain.Timestamp;
import dev.timelines.domain.Window;
import java.math.BigInteger;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Time in each state inside a window (docs/semantics.md, "Time in state"): every stay clipped to the window (see
 * {@link Stay#microsIn}), summed per value, with the timelines that spent a positive time in it. With a condition,
 * only the time during which it holds too counts. Values without time are left out.
 */
public final class PartialTimeInStates
        implements RetractablePartial<PartialTimeInStates, List<TimeInState>, PartialTimeInStates.Contents> {

    private static final Comparator<TimeInState> TIME_ORDER =
            Rankings.largestFirst(TimeInState::micros, TimeInState::value);

    /** The time in each state inside a window, a state still held ending at {@code now}. */
    public record Question(Window window, Timestamp now, Scope scope)
            implements RetractableQuestion<PartialTimeInStates> {

        @Override
        public PartialTimeInStates ask() {
            return new PartialTimeInStates(window, now, scope);
        }

        @Override
        public boolean fastPath(IndexedAnswers indexed, Attribute attribute, PartialTimeInStates partial) {
            return indexed.timeInStates(attribute, partial);
        }
    }

    /** Per value, the time spent in it and by how many timelines, in any order. */
    public record Contents(List<TimeInState> spent) {
    }

    private final Window window;
    private final Timestamp now;
    private final Scope scope;
    private final Map<JsonValue, Spent> spent = new HashMap<>();
    private final Spellings spellings = new Spellings();

    public PartialTimeInStates(Window window, Timestamp now, Scope scope) {
        this.window = window;
        this.now = now;
        this.scope = scope;
    }

    public Window window() {
        return window;
    }

    public Timestamp now() {
        return now;
    }

    @Override
    public StaySelection selection() {
        return StaySelection.of(new StaySelection.Overlapping(window));
    }

    @Override
    public Scope scope() {
        return scope;
    }

    @Override
    public void add(TimelineStays timeline) {
        Map<JsonValue, BigInteger> byValue = new LinkedHashMap<>();
        for (Stay stay : timeline.stays()) {
            long micros = stay.microsIn(window, now);
            if (micros > 0 && !scope.where().isNone()) {
                // The stay's time in the window is [begin, begin + micros): of it, the time the condition holds.
                long begin = Math.max(stay.since().micros(), window.sinceMicros());
                micros = scope.where().microsHolding(begin, begin + micros, timeline.alongside());
            }
            if (micros > 0) {
                byValue.merge(stay.value(), BigInteger.valueOf(micros), BigInteger::add);
            }
        }
        byValue.forEach((value, micros) -> add(value, micros, 1));
    }

    /** Adds time spent in the value by timelines counted elsewhere, each of which spent a positive time. */
    public void add(JsonValue value, BigInteger micros, long timelines) {
        Spent total = spent.computeIfAbsent(value, key -> new Spent());
        total.micros = total.micros.add(micros);
        total.timelines += timelines;
    }

    @Override
    public void spell(ValueSpellings store) {
        spellings.add(store);
    }

    @Override
    public PartialTimeInStates merge(PartialTimeInStates other) {
        spellings.merge(other.spellings);
        return addContents(other.contents());
    }

    @Override
    public Contents contents() {
        return new Contents(spent.entrySet().stream().map(entry -> new TimeInState(entry.getKey(),
                entry.getValue().micros, entry.getValue().timelines)).toList());
    }

    @Override
    public PartialTimeInStates addContents(Contents contents) {
        contents.spent().forEach(total -> add(total.value(), total.micros(), total.timelines()));
        return this;
    }

    @Override
    public PartialTimeInStates inScope(Scope other) {
        return new PartialTimeInStates(window, now, other);
    }

    @Override
    public PartialTimeInStates without(PartialTimeInStates counted) {
        counted.spent.forEach((value, total) -> add(value, total.micros.negate(), -total.timelines));
        return this;
    }

    @Override
    public List<TimeInState> answer() {
        return spent.entrySet().stream().filter(entry -> entry.getValue().timelines > 0)
                .map(entry -> new TimeInState(spellings.shown(entry.getKey()), entry.getValue().micros,
                        entry.getValue().timelines))
                .sorted(TIME_ORDER).toList();
    }

    private static final class Spent {
        private BigInteger micros = BigInteger.ZERO;
        private long timelines;
    }
}
