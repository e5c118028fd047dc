package dev.timelines.application.port.out;

import dev.timelines.application.model.AdjacentValues;
import dev.timelines.application.model.FunnelStep;
import dev.timelines.application.model.PairStatistics;
import dev.timelines.application.model.ProcessMap;
import dev.timelines.application.model.StateCount;
import dev.timelines.application.model.StateCounts;
import dev.timelines.application.model.StuckTimeline;
import dev.timelines.application.model.TimeInState;
import dev.timelines.application.model.TransitionFilter;
import dev.timelines.application.model.ValueCount;
import dev.timelines.application.model.ValueDurations;
import dev.timelines.application.model.ValueUsage;
import dev.timelines.domain.Attribute;
import dev.timelines.domain.CodePointOrder;
import dev.timelines.domain.Condition;
import dev.timelines.domain.DurationStatistics;
import dev.timelines.domain.Event;
import dev.timelines.domain.HistoryPoint;
import dev.timelines.domain.JsonValue;
import dev.timelines.domain.Timeline;
import dev.timelines.domain.TimelineKey;
import dev.timelines.domain.Timestamp;
import dev.timelines.domain.Transition;
import dev.timelines.domain.Window;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every question across timelines done the slow, obvious way, straight from its sentence in docs/semantics.md:
 * each answer loops over every timeline's events and change points (the domain's history view, itself checked
 * against the definitions in the domain module). It shares no code with the questions' folds or the stays: the
 * oracle of {@link CrossTimelineQueriesContract}. For "as known at", build it over the timelines known then.
 */
public final class ReferenceAnswers {

    private final Map<TimelineKey, Timeline> timelines;

    public ReferenceAnswers(Map<TimelineKey, Timeline> timelines) {
        this.timelines = timelines;
    }

    Map<TimelineKey, Timeline> timelines() {
        return timelines;
    }

    List<TimelineKey> keys(String prefix) {
        return timelines.keySet().stream().filter(key -> key.value().startsWith(prefix)).toList();
    }

    /** State at T and the condition at T: the last event at or before T, ties by highest seq. */
    List<TimelineKey> inState(Attribute attribute, JsonValue value, Timestamp at, String prefix, Condition where) {
        return keys(prefix).stream().filter(key -> stateAt(timelines.get(key), attribute, at)
                .map(HistoryPoint::value).filter(value::equals).isPresent()
                && holdsAt(timelines.get(key), where, at, Long.MAX_VALUE)).toList();
    }

    /** A state holds from its change point to the next; the last holds forever. */
    List<TimelineKey> inStateDuring(Attribute attribute, JsonValue value, Window window, String prefix) {
        List<TimelineKey> found = new ArrayList<>();
        for (TimelineKey key : keys(prefix)) {
            List<HistoryPoint> points = timelines.get(key).changePoints(attribute);
            for (int i = 0; i < points.size(); i++) {
                long start = points.get(i).timestamp().micros();
                long end = i + 1 < points.size() ? points.get(i + 1).timestamp().micros() : Long.MAX_VALUE;
                long overlapStart = Math.max(start, window.since().map(Timestamp::micros).orElse(Long.MIN_VALUE));
                long overlapEnd = Math.min(end, window.until().map(Timestamp::micros).orElse(Long.MAX_VALUE));
                if (points.get(i).value().equals(value) && overlapStart < overlapEnd) {
                    found.add(key);
                    break;
                }
            }
        }
        return found;
    }

    /**
     * Transitions in the window to and from the filter's values (an entry has no from), where the condition holds
     * at the transition's change point, by (at, key, seq).
     */
    List<Transition> transitions(Attribute attribute, TransitionFilter filter, boolean entries, Condition where) {
        List<Transition> found = new ArrayList<>();
        for (Timeline timeline : timelines.values()) {
            List<HistoryPoint> points = timeline.changePoints(attribute);
            for (int i = 0; i < points.size(); i++) {
                HistoryPoint point = points.get(i);
                Optional<JsonValue> from = i == 0 ? Optional.empty() : Optional.of(points.get(i - 1).value());
                long duration = i == 0 ? 0 : point.timestamp().micros() - points.get(i - 1).timestamp().micros();
                Transition transition = new Transition(timeline.key(), point.timestamp(), point.seq(), from,
                        point.value(), duration);
                if (filter.window().contains(transition.at()) && (entries || !transition.isEntry())
                        && filter.to().map(transition.to()::equals).orElse(true)
                        && filter.from().map(f -> transition.from().map(f::equals).orElse(false)).orElse(true)
                        && holdsAt(timeline, where, point.timestamp(), point.seq())) {
                    found.add(transition);
                }
            }
        }
        found.sort(Comparator.comparing(Transition::at).thenComparing(Transition::timeline)
                .thenComparingLong(Transition::seq));
        return found;
    }

    ProcessMap processMap(Attribute attribute, TransitionFilter filter, Condition where) {
        Map<List<JsonValue>, List<Transition>> byPair = new LinkedHashMap<>();
        Map<JsonValue, Long> entries = new LinkedHashMap<>();
        for (Transition transition : transitions(attribute, filter, true, where)) {
            if (transition.isEntry()) {
                entries.merge(transition.to(), 1L, Long::sum);
            } else {
                byPair.computeIfAbsent(List.of(transition.from().get(), transition.to()), pair -> new ArrayList<>())
                        .add(transition);
            }
        }
        List<PairStatistics> pairs = new ArrayList<>();
        byPair.forEach((pair, list) -> pairs.add(new PairStatistics(pair.get(0), pair.get(1),
                list.stream().map(Transition::timeline).distinct().count(),
                statistics(list.stream().map(Transition::durationMicros).toList()))));
        List<ValueCount> counts = new ArrayList<>();
        entries.forEach((value, count) -> counts.add(new ValueCount(value, count)));
        return new ProcessMap(pairs, counts);
    }

    /** Per entry into the value in the window, the next change point at any time; none when there is none. */
    AdjacentValues next(Attribute attribute, JsonValue value, Window window, Condition where) {
        return adjacent(attribute, value, window, where, true);
    }

    AdjacentValues previous(Attribute attribute, JsonValue value, Window window, Condition where) {
        return adjacent(attribute, value, window, where, false);
    }

    /** Per value, the timelines in it at T where the condition holds at T, with their ages when asked. */
    StateCounts statesAt(Attribute attribute, Timestamp at, Condition where, boolean ages) {
        Map<JsonValue, List<Long>> held = new LinkedHashMap<>();
        for (Timeline timeline : timelines.values()) {
            stateAt(timeline, attribute, at).filter(point -> holdsAt(timeline, where, at, Long.MAX_VALUE))
                    .ifPresent(point -> held.computeIfAbsent(point.value(), v -> new ArrayList<>())
                            .add(at.micros() - point.timestamp().micros()));
        }
        List<StateCount> counts = new ArrayList<>();
        held.forEach((value, list) -> counts.add(new StateCount(value, list.size(),
                ages ? Optional.of(statistics(list)) : Optional.empty())));
        return new StateCounts(at, counts);
    }

    /** Timelines in the value (any, when empty) at T since strictly longer than the time; by since, then key. */
    List<StuckTimeline> stuck(Attribute attribute, Optional<JsonValue> value, long longerThanMicros, Timestamp at,
            Condition where) {
        List<StuckTimeline> stuck = new ArrayList<>();
        for (Timeline timeline : timelines.values()) {
            Optional<HistoryPoint> state = stateAt(timeline, attribute, at);
            if (state.isPresent() && value.map(state.get().value()::equals).orElse(true)
                    && at.micros() - state.get().timestamp().micros() > longerThanMicros
                    && holdsAt(timeline, where, at, Long.MAX_VALUE)) {
                stuck.add(new StuckTimeline(timeline.key(), state.get().value(), state.get().timestamp(),
                        at.micros() - state.get().timestamp().micros()));
            }
        }
        stuck.sort(Comparator.comparing((StuckTimeline s) -> s.since()).thenComparing(StuckTimeline::timeline));
        return stuck;
    }

    /**
     * Time in each value inside the window while the condition held. Every event time, the window's bounds and
     * now cut time into pieces in which nothing changes; each piece counts for the state and the condition at its
     * start (the last event at or before it), except that a timeline's last state ends at now.
     */
    List<TimeInState> timeInStates(Attribute attribute, Window window, Timestamp now, Condition where) {
        Map<JsonValue, BigInteger> totals = new LinkedHashMap<>();
        Map<JsonValue, Long> spenders = new LinkedHashMap<>();
        for (Timeline timeline : timelines.values()) {
            List<HistoryPoint> points = timeline.changePoints(attribute);
            if (points.isEmpty()) {
                continue;
            }
            TreeSet<Long> cuts = new TreeSet<>();
            timeline.events().forEach(event -> cuts.add(event.timestamp().micros()));
            window.since().ifPresent(since -> cuts.add(since.micros()));
            window.until().ifPresent(until -> cuts.add(until.micros()));
            cuts.add(now.micros());
            HistoryPoint last = points.get(points.size() - 1);
            Map<JsonValue, BigInteger> spent = new LinkedHashMap<>();
            Long start = null;
            for (long cut : cuts) {
                if (start != null && window.contains(new Timestamp(start))) {
                    Optional<HistoryPoint> state = stateAt(timeline, attribute, new Timestamp(start));
                    boolean endedAtNow = state.isPresent() && state.get().equals(last) && start >= now.micros();
                    if (state.isPresent() && !endedAtNow
                            && holdsAt(timeline, where, new Timestamp(start), Long.MAX_VALUE)) {
                        spent.merge(state.get().value(), BigInteger.valueOf(cut - start), BigInteger::add);
                    }
                }
                start = cut;
            }
            spent.forEach((value, micros) -> {
                totals.merge(value, micros, BigInteger::add);
                spenders.merge(value, 1L, Long::sum);
            });
        }
        List<TimeInState> list = new ArrayList<>();
        totals.forEach((value, micros) -> list.add(new TimeInState(value, micros, spenders.get(value))));
        return list;
    }

    /**
     * Per step, the timelines whose deepest chain reached it and the time from the step before along their chain:
     * every chain of entries (change points in the window where the condition holds) is tried; the deepest wins,
     * then the one with the earliest first entry, then second, and so on.
     */
    List<FunnelStep> funnel(Attribute attribute, List<JsonValue> steps, Optional<Long> withinMicros, Window window,
            Condition where) {
        long[] reached = new long[steps.size()];
        List<List<Long>> durations = new ArrayList<>();
        steps.forEach(step -> durations.add(new ArrayList<>()));
        for (Timeline timeline : timelines.values()) {
            List<HistoryPoint> entries = timeline.changePoints(attribute).stream()
                    .filter(point -> window.contains(point.timestamp())
                            && holdsAt(timeline, where, point.timestamp(), point.seq()))
                    .toList();
            List<Integer> best = deepestChain(entries, steps, withinMicros, new ArrayList<>(), List.of());
            for (int step = 0; step < best.size(); step++) {
                reached[step]++;
                if (step > 0) {
                    durations.get(step).add(entries.get(best.get(step)).timestamp().micros()
                            - entries.get(best.get(step - 1)).timestamp().micros());
                }
            }
        }
        List<FunnelStep> answer = new ArrayList<>();
        for (int step = 0; step < steps.size(); step++) {
            Optional<Double> conversion = step == 0 || reached[step - 1] == 0
                    ? Optional.empty()
                    : Optional.of((double) reached[step] / reached[step - 1]);
            answer.add(new FunnelStep(steps.get(step), reached[step], conversion, durations.get(step).isEmpty()
                    ? Optional.empty()
                    : Optional.of(statistics(durations.get(step)))));
        }
        return answer;
    }

    /** Every extension of the chain so far, depth first in entry order: the first deepest one found wins. */
    private static List<Integer> deepestChain(List<HistoryPoint> entries, List<JsonValue> steps,
            Optional<Long> withinMicros, List<Integer> chain, List<Integer> best) {
        if (chain.size() > best.size()) {
            best = List.copyOf(chain);
        }
        if (chain.size() == steps.size()) {
            return best;
        }
        int from = chain.isEmpty() ? 0 : chain.get(chain.size() - 1) + 1;
        for (int i = from; i < entries.size(); i++) {
            long sinceFirst = chain.isEmpty() ? 0
                    : entries.get(i).timestamp().micros() - entries.get(chain.get(0)).timestamp().micros();
            boolean inTime = withinMicros.map(within -> sinceFirst <= within).orElse(true);
            if (entries.get(i).value().equals(steps.get(chain.size())) && inTime) {
                chain.add(i);
                best = deepestChain(entries, steps, withinMicros, chain, best);
                chain.remove(chain.size() - 1);
            }
        }
        return best;
    }

    List<String> attributeNames() {
        Set<String> names = new TreeSet<>(CodePointOrder.INSTANCE);
        timelines.values().forEach(timeline -> timeline.events()
                .forEach(event -> names.addAll(event.data().members().keySet())));
        return List.copyOf(names);
    }

    List<ValueUsage> values(Attribute attribute) {
        Map<JsonValue, Long> counts = new LinkedHashMap<>();
        Map<JsonValue, Set<TimelineKey>> carriers = new LinkedHashMap<>();
        timelines.forEach((key, timeline) -> timeline.events().forEach(event -> attribute.valueIn(event.data())
                .ifPresent(value -> {
                    counts.merge(value, 1L, Long::sum);
                    carriers.computeIfAbsent(value, v -> new HashSet<>()).add(key);
                })));
        List<ValueUsage> usage = new ArrayList<>();
        counts.forEach((value, count) -> usage.add(new ValueUsage(value, count, carriers.get(value).size())));
        return usage;
    }

    /** Of the events carrying a value equal to {@code value}, the value as the one with the lowest seq wrote it. */
    JsonValue firstWritten(Attribute attribute, JsonValue value) {
        Event first = null;
        JsonValue written = null;
        for (Timeline timeline : timelines.values()) {
            for (Event event : timeline.events()) {
                Optional<JsonValue> carried = attribute.valueIn(event.data()).filter(value::equals);
                if (carried.isPresent() && (first == null || event.seq() < first.seq())) {
                    first = event;
                    written = carried.get();
                }
            }
        }
        return written;
    }

    /** The last change point at or before {@code at}: change points come in (timestamp, seq) order. */
    private static Optional<HistoryPoint> stateAt(Timeline timeline, Attribute attribute, Timestamp at) {
        HistoryPoint last = null;
        for (HistoryPoint point : timeline.changePoints(attribute)) {
            if (point.timestamp().compareTo(at) <= 0) {
                last = point;
            }
        }
        return Optional.ofNullable(last);
    }

    /** Each member's attribute: the value of the last event carrying it at or before (t, seq) equals the member's. */
    private static boolean holdsAt(Timeline timeline, Condition where, Timestamp t, long seq) {
        for (Map.Entry<Attribute, JsonValue> member : where.members().entrySet()) {
            JsonValue last = null;
            for (Event event : timeline.events()) {
                boolean atOrBefore = event.timestamp().compareTo(t) < 0
                        || event.timestamp().equals(t) && event.seq() <= seq;
                Optional<JsonValue> carried = member.getKey().valueIn(event.data());
                if (atOrBefore && carried.isPresent()) {
                    last = carried.get();
                }
            }
            if (last == null || !last.equals(member.getValue())) {
                return false;
            }
        }
        return true;
    }

    private AdjacentValues adjacent(Attribute attribute, JsonValue value, Window window, Condition where,
            boolean next) {
        long entries = 0;
        long none = 0;
        Map<JsonValue, List<Long>> durations = new LinkedHashMap<>();
        for (Timeline timeline : timelines.values()) {
            List<HistoryPoint> points = timeline.changePoints(attribute);
            for (int i = 0; i < points.size(); i++) {
                HistoryPoint point = points.get(i);
                if (!point.value().equals(value) || !window.contains(point.timestamp())
                        || !holdsAt(timeline, where, point.timestamp(), point.seq())) {
                    continue;
                }
                entries++;
                int neighbour = next ? i + 1 : i - 1;
                if (neighbour < 0 || neighbour >= points.size()) {
                    none++;
                } else {
                    long duration = Math.abs(points.get(neighbour).timestamp().micros() - point.timestamp().micros());
                    durations.computeIfAbsent(points.get(neighbour).value(), v -> new ArrayList<>()).add(duration);
                }
            }
        }
        List<ValueDurations> neighbours = new ArrayList<>();
        durations.forEach((neighbour, list) -> neighbours.add(new ValueDurations(neighbour, statistics(list))));
        return new AdjacentValues(value, entries, neighbours, none);
    }

    /** Nearest-rank percentiles: the smallest duration with at least p percent of all at or below it. */
    static DurationStatistics statistics(List<Long> durations) {
        List<Long> sorted = durations.stream().sorted().toList();
        int n = sorted.size();
        BigDecimal sum = sorted.stream().map(BigDecimal::valueOf).reduce(BigDecimal.ZERO, BigDecimal::add);
        long mean = sum.divide(BigDecimal.valueOf(n), 0, RoundingMode.HALF_UP).longValueExact();
        return new DurationStatistics(n, sorted.get(0), sorted.get(rank(50, n) - 1), sorted.get(rank(90, n) - 1),
                sorted.get(rank(99, n) - 1), sorted.get(n - 1), mean);
    }

    /** ceil(percent / 100 * n), exactly. */
    private static int rank(int percent, int n) {
        return BigDecimal.valueOf(percent).multiply(BigDecimal.valueOf(n))
                .divide(BigDecimal.valueOf(100), 0, RoundingMode.CEILING).intValueExact();
    }
}
