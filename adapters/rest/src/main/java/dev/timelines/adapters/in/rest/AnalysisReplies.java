package dev.timelines.adapters.in.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.timelines.application.model.AdjacentValues;
import dev.timelines.application.model.PairStatistics;
import dev.timelines.application.model.ProcessMap;
import dev.timelines.application.model.FunnelStep;
import dev.timelines.application.model.StateCount;
import dev.timelines.application.model.StateCounts;
import dev.timelines.application.model.StuckTimeline;
import dev.timelines.application.model.TimeInState;
import dev.timelines.application.model.ValueCount;
import dev.timelines.application.model.ValueDurations;
import dev.timelines.application.model.ValueUsage;
import dev.timelines.domain.DurationStatistics;
import dev.timelines.domain.JsonValue;
import dev.timelines.domain.Seconds;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.math.BigDecimal;
import java.util.List;

/** The JSON shapes of docs/api.md, across timelines; durations and times in seconds, like timestamps. */
final class AnalysisReplies {

    private AnalysisReplies() {
    }

    /** {@code {"min", "p50", "p90", "p99", "max", "mean"}} in seconds. */
    @RegisterForReflection
    record Duration(BigDecimal min, BigDecimal p50, BigDecimal p90, BigDecimal p99, BigDecimal max, BigDecimal mean) {
        static Duration of(DurationStatistics statistics) {
            return new Duration(Seconds.ofMicros(statistics.min()), Seconds.ofMicros(statistics.p50()),
                    Seconds.ofMicros(statistics.p90()), Seconds.ofMicros(statistics.p99()),
                    Seconds.ofMicros(statistics.max()), Seconds.ofMicros(statistics.mean()));
        }
    }

    /** {@code GET /transitions/summary}: the process map. */
    @RegisterForReflection
    record Summary(List<Pair> pairs, List<Entry> entries) {
        static Summary of(ProcessMap map) {
            return new Summary(map.pairs().stream().map(Pair::of).toList(),
                    map.entries().stream().map(Entry::of).toList());
        }
    }

    /** One edge of the process map. */
    @RegisterForReflection
    record Pair(JsonValue from, JsonValue to, long count, long timelines, Duration duration) {
        static Pair of(PairStatistics pair) {
            return new Pair(pair.from(), pair.to(), pair.count(), pair.timelines(), Duration.of(pair.duration()));
        }
    }

    /** Entries into a value: edges from the start node of the process map. */
    @RegisterForReflection
    record Entry(JsonValue to, long count) {
        static Entry of(ValueCount entries) {
            return new Entry(entries.value(), entries.count());
        }
    }

    /** {@code GET /transitions/next}. */
    @RegisterForReflection
    record Next(JsonValue value, long entries, List<Neighbour> next, long none) {
        static Next of(AdjacentValues answer) {
            return new Next(answer.value(), answer.entries(), Neighbour.all(answer), answer.none());
        }
    }

    /** {@code GET /transitions/previous}. */
    @RegisterForReflection
    record Previous(JsonValue value, long entries, List<Neighbour> previous, long none) {
        static Previous of(AdjacentValues answer) {
            return new Previous(answer.value(), answer.entries(), Neighbour.all(answer), answer.none());
        }
    }

    /** A value that followed or preceded the entries, how often, and how long the earlier value held. */
    @RegisterForReflection
    record Neighbour(JsonValue value, long count, Duration duration) {
        static List<Neighbour> all(AdjacentValues answer) {
            return answer.neighbours().stream().map(Neighbour::of).toList();
        }

        static Neighbour of(ValueDurations neighbour) {
            return new Neighbour(neighbour.value(), neighbour.count(), Duration.of(neighbour.duration()));
        }
    }

    /** {@code GET /states}. */
    @RegisterForReflection
    record States(BigDecimal at, List<Count> counts, long timelines) {
        static States of(StateCounts states) {
            return new States(states.at().epochSeconds(), states.counts().stream().map(Count::of).toList(),
                    states.timelines());
        }
    }

    /** How many timelines hold a value and, with {@code ages=true}, how long they had held it. */
    @RegisterForReflection
    record Count(JsonValue value, long count, @JsonInclude(JsonInclude.Include.NON_NULL) Duration age) {
        static Count of(StateCount count) {
            return new Count(count.value(), count.count(), count.age().map(Duration::of).orElse(null));
        }
    }

    /** {@code GET /states/stuck}: a timeline held in a value since {@code since}, for {@code seconds}. */
    @RegisterForReflection
    record Stuck(String timeline, JsonValue value, BigDecimal since, BigDecimal seconds) {
        static Stuck of(StuckTimeline stuck) {
            return new Stuck(stuck.timeline().value(), stuck.value(), stuck.since().epochSeconds(),
                    Seconds.ofMicros(stuck.micros()));
        }
    }

    /** {@code GET /funnels}. */
    @RegisterForReflection
    record FunnelReply(List<Step> steps) {
        static FunnelReply of(List<FunnelStep> steps) {
            return new FunnelReply(steps.stream().map(Step::of).toList());
        }
    }

    /** A funnel's step: {@code conversion} and {@code duration} are null for the first step and when undefined. */
    @RegisterForReflection
    record Step(JsonValue value, long timelines, Double conversion, Duration duration) {
        static Step of(FunnelStep step) {
            return new Step(step.value(), step.timelines(), step.conversion().orElse(null),
                    step.duration().map(Duration::of).orElse(null));
        }
    }

    /** {@code GET /states/durations}: the whole answer, not paged. */
    @RegisterForReflection
    record Durations(List<Time> items) {
        static Durations of(List<TimeInState> times) {
            return new Durations(times.stream().map(Time::of).toList());
        }
    }

    /** Time spent in a value; {@code mean = seconds / timelines}. */
    @RegisterForReflection
    record Time(JsonValue value, BigDecimal seconds, long timelines, BigDecimal mean) {
        static Time of(TimeInState time) {
            return new Time(time.value(), Seconds.ofMicros(time.micros()), time.timelines(),
                    Seconds.ofMicros(time.meanMicros()));
        }
    }

    /** One distinct value of an attribute: events carrying it, and distinct timelines. */
    @RegisterForReflection
    record Usage(JsonValue value, long count, long timelines) {
        static Usage of(ValueUsage usage) {
            return new Usage(usage.value(), usage.events(), usage.timelines());
        }
    }
}
