package dev.timelines.application.port.out;

import dev.timelines.application.model.AdjacentValues;
import dev.timelines.application.model.PairStatistics;
import dev.timelines.application.model.ProcessMap;
import dev.timelines.application.model.StateCounts;
import dev.timelines.application.model.TimeInState;
import dev.timelines.application.model.TransitionFilter;
import dev.timelines.application.model.ValueCount;
import dev.timelines.application.model.ValueDurations;
import dev.timelines.application.model.ValueUsage;
import dev.timelines.domain.Attribute;
import dev.timelines.domain.CodePointOrder;
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
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Every question across timelines done the slow, obvious way, straight from its sentence in docs/semantics.md:
 * each answer loops over every timeline's change points (the domain {@link Timeline}, itself checked against the
 * definitions in the domain module). It shares no code with the questions' folds: the oracle of
 * {@link CrossTimelineQueriesContract}.
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
        return timelines().keySet().stream().filter(key -> key.value().startsWith(prefix)).toList();
    }

    List<TimelineKey> inState(Attribute attribute, JsonValue value, Timestamp at, String prefix) {
        return keys(prefix).stream().filter(key -> stateAt(timelines.get(key), attribute, at)
                .filter(value::equals).isPresent()).toList();
    }

    /** A state holds from its change point to the next; the last holds forever. */
    List<TimelineKey> inStateDuring(Attribute attribute, JsonValue value, Window window, String prefix) {
        List<TimelineKey> found = new ArrayList<>();
        for (TimelineKey key : keys(prefix)) {
            List<HistoryPoint> points = timelines().get(key).changePoints(attribute);
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

    /** Transitions in the window to and from the filter's values (an entry has no from), by (at, key, seq). */
    List<Transition> transitions(Attribute attribute, TransitionFilter filter, boolean entries) {
        List<Transition> found = new ArrayList<>();
        for (Timeline timeline : timelines().values()) {
            for (Transition transition : timeline.transitions(attribute)) {
                if (filter.window().contains(transition.at()) && (entries || !transition.isEntry())
                        && filter.to().map(transition.to()::equals).orElse(true)
                        && filter.from().map(from -> transition.from().map(from::equals).orElse(false)).orElse(true)) {
                    found.add(transition);
                }
            }
        }
        found.sort(Comparator.comparing(Transition::at).thenComparing(Transition::timeline)
                .thenComparingLong(Transition::seq));
        return found;
    }

    ProcessMap processMap(Attribute attribute, TransitionFilter filter) {
        Map<List<JsonValue>, List<Transition>> byPair = new LinkedHashMap<>();
        Map<JsonValue, Long> entries = new LinkedHashMap<>();
        for (Transition transition : transitions(attribute, filter, true)) {
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
    AdjacentValues next(Attribute attribute, JsonValue value, Window window) {
        return adjacent(attribute, value, window, true);
    }

    AdjacentValues previous(Attribute attribute, JsonValue value, Window window) {
        return adjacent(attribute, value, window, false);
    }

    StateCounts statesAt(Attribute attribute, Timestamp at) {
        Map<JsonValue, Long> counts = new LinkedHashMap<>();
        for (Timeline timeline : timelines().values()) {
            stateAt(timeline, attribute, at).ifPresent(value -> counts.merge(value, 1L, Long::sum));
        }
        List<ValueCount> list = new ArrayList<>();
        counts.forEach((value, count) -> list.add(new ValueCount(value, count)));
        return new StateCounts(at, list);
    }

    /** Each state interval clipped to the window; the last one ends at until or now, whichever is earlier. */
    List<TimeInState> timeInStates(Attribute attribute, Window window, Timestamp now) {
        BigInteger since = BigInteger.valueOf(window.since().map(Timestamp::micros).orElse(Long.MIN_VALUE));
        BigInteger until = BigInteger.valueOf(window.until().map(Timestamp::micros).orElse(Long.MAX_VALUE));
        Map<JsonValue, BigInteger> totals = new LinkedHashMap<>();
        Map<JsonValue, Long> spenders = new LinkedHashMap<>();
        for (Timeline timeline : timelines().values()) {
            Map<JsonValue, BigInteger> spent = new LinkedHashMap<>();
            List<HistoryPoint> points = timeline.changePoints(attribute);
            for (int i = 0; i < points.size(); i++) {
                BigInteger start = BigInteger.valueOf(points.get(i).timestamp().micros());
                BigInteger end = i + 1 < points.size() ? BigInteger.valueOf(points.get(i + 1).timestamp().micros())
                        : until.min(BigInteger.valueOf(now.micros()));
                BigInteger inside = end.min(until).subtract(start.max(since));
                if (inside.signum() > 0) {
                    spent.merge(points.get(i).value(), inside, BigInteger::add);
                }
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

    /** The value of the last change point at or before {@code at}: change points come in (timestamp, seq) order. */
    private static Optional<JsonValue> stateAt(Timeline timeline, Attribute attribute, Timestamp at) {
        JsonValue last = null;
        for (HistoryPoint point : timeline.changePoints(attribute)) {
            if (point.timestamp().compareTo(at) <= 0) {
                last = point.value();
            }
        }
        return Optional.ofNullable(last);
    }

    private AdjacentValues adjacent(Attribute attribute, JsonValue value, Window window, boolean next) {
        long entries = 0;
        long none = 0;
        Map<JsonValue, List<Long>> durations = new LinkedHashMap<>();
        for (Timeline timeline : timelines().values()) {
            List<HistoryPoint> points = timeline.changePoints(attribute);
            for (int i = 0; i < points.size(); i++) {
                if (!points.get(i).value().equals(value) || !window.contains(points.get(i).timestamp())) {
                    continue;
                }
                entries++;
                int neighbour = next ? i + 1 : i - 1;
                if (neighbour < 0 || neighbour >= points.size()) {
                    none++;
                } else {
                    long duration = Math.abs(points.get(neighbour).timestamp().micros()
                            - points.get(i).timestamp().micros());
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
