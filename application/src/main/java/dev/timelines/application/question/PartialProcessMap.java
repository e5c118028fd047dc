package dev.timelines.application.question;

import dev.timelines.application.model.PairStatistics;
import dev.timelines.application.model.ProcessMap;
import dev.timelines.application.model.Scope;
import dev.timelines.application.model.TransitionFilter;
import dev.timelines.application.model.ValueCount;
import dev.timelines.application.port.out.IndexedAnswers;
import dev.timelines.application.port.out.StaySelection;
import dev.timelines.application.port.out.TimelineStays;
import dev.timelines.application.port.out.ValueSpellings;
import dev.timelines.domain.Attribute;
import dev.timelines.domain.JsonOrder;
import dev.timelines.domain.JsonValue;
import dev.timelines.domain.Stay;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The process map (docs/semantics.md, "Summary"): per (from, to) pair of the transitions in the window, their
 * durations and the distinct timelines that made them; per value, the entries into it. A condition is evaluated
 * at each transition's own change point.
 */
public final class PartialProcessMap
        implements RetractablePartial<PartialProcessMap, ProcessMap, PartialProcessMap.Contents> {

    private static final Comparator<PairStatistics> PAIR_ORDER = Rankings
            .<PairStatistics, Long>largestFirst(PairStatistics::count, PairStatistics::from)
            .thenComparing(PairStatistics::to, JsonOrder.INSTANCE);
    private static final Comparator<ValueCount> COUNT_ORDER =
            Rankings.largestFirst(ValueCount::count, ValueCount::value);

    /** A (from, to) pair of values. */
    public record Pair(JsonValue from, JsonValue to) {
    }

    /** The process map of the filter's transitions in a scope. */
    public record Question(TransitionFilter filter, Scope scope) implements RetractableQuestion<PartialProcessMap> {

        @Override
        public PartialProcessMap ask() {
            return new PartialProcessMap(filter, scope);
        }

        @Override
        public boolean fastPath(IndexedAnswers indexed, Attribute attribute, PartialProcessMap partial) {
            return indexed.processMap(attribute, partial);
        }
    }

    /** The pairs counted and the entries per value. */
    public record Contents(List<PairContents> pairs, List<ValueCount> entries) {
    }

    /** A pair's transitions: how many timelines made them, and their durations. */
    public record PairContents(Pair pair, long timelines, long[] durations) {
    }

    private final TransitionFilter filter;
    private final Scope scope;
    private final Map<Pair, PairPart> pairs = new HashMap<>();
    private final Map<JsonValue, Long> entries = new HashMap<>();
    private final Spellings spellings = new Spellings();

    public PartialProcessMap(TransitionFilter filter, Scope scope) {
        this.filter = filter;
        this.scope = scope;
    }

    public TransitionFilter filter() {
        return filter;
    }

    /** Transitions in the window, from and to the filter's values (a from filter drops the entries). */
    @Override
    public StaySelection selection() {
        return StaySelection.transitions(filter);
    }

    @Override
    public Scope scope() {
        return scope;
    }

    @Override
    public void add(TimelineStays timeline) {
        Set<Pair> made = new HashSet<>();
        for (Stay stay : timeline.enteredWhere(scope.where())) {
            if (stay.isEntry()) {
                addEntries(stay.value(), 1);
            } else {
                Pair pair = new Pair(stay.previous().orElseThrow().value(), stay.value());
                PairPart part = pairs.computeIfAbsent(pair, key -> new PairPart());
                part.durations.add(stay.transition().durationMicros());
                if (made.add(pair)) {
                    part.timelines++;
                }
            }
        }
    }

    /** Adds the transitions of a pair counted elsewhere: their durations and how many timelines made them. */
    public void addPair(Pair pair, DurationSamples durations, long timelines) {
        PairPart part = pairs.computeIfAbsent(pair, key -> new PairPart());
        part.durations.merge(durations);
        part.timelines += timelines;
    }

    public void addEntries(JsonValue value, long count) {
        entries.merge(value, count, Long::sum);
    }

    @Override
    public void spell(ValueSpellings store) {
        spellings.add(store);
    }

    @Override
    public PartialProcessMap merge(PartialProcessMap other) {
        spellings.merge(other.spellings);
        return addContents(other.contents());
    }

    @Override
    public Contents contents() {
        return new Contents(pairs.entrySet().stream().map(pair -> new PairContents(pair.getKey(),
                pair.getValue().timelines, pair.getValue().durations.toArray())).toList(),
                entries.entrySet().stream().map(entry -> new ValueCount(entry.getKey(), entry.getValue())).toList());
    }

    @Override
    public PartialProcessMap addContents(Contents contents) {
        contents.pairs().forEach(pair -> addPair(pair.pair(),
                DurationSamples.of(pair.durations(), pair.durations().length), pair.timelines()));
        contents.entries().forEach(entry -> addEntries(entry.value(), entry.count()));
        return this;
    }

    @Override
    public PartialProcessMap inScope(Scope other) {
        return new PartialProcessMap(filter, other);
    }

    @Override
    public PartialProcessMap without(PartialProcessMap counted) {
        counted.pairs.forEach((pair, part) -> {
            PairPart mine = pairs.get(pair);
            mine.durations.without(part.durations);
            mine.timelines -= part.timelines;
        });
        counted.entries.forEach((value, count) -> addEntries(value, -count));
        return this;
    }

    @Override
    public ProcessMap answer() {
        List<PairStatistics> ranked = pairs.entrySet().stream().filter(pair -> pair.getValue().durations.count() > 0)
                .map(pair -> new PairStatistics(spellings.shown(pair.getKey().from()),
                        spellings.shown(pair.getKey().to()), pair.getValue().timelines,
                        pair.getValue().durations.statistics()))
                .sorted(PAIR_ORDER).toList();
        List<ValueCount> counted = entries.entrySet().stream().filter(entry -> entry.getValue() > 0)
                .map(entry -> new ValueCount(spellings.shown(entry.getKey()), entry.getValue()))
                .sorted(COUNT_ORDER).toList();
        return new ProcessMap(ranked, counted);
    }

    private static final class PairPart {
        private final DurationSamples durations = new DurationSamples();
        private long timelines;
    }
}
