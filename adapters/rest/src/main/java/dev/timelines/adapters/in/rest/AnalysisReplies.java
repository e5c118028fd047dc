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
import dev.timelines.application.port.in.Page;
import dev.timelines.domain.DurationStatistics;
import dev.timelines.domain.JsonValue;
import dev.timelines.domain.Seconds;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The JSON shapes of docs/api.md, across timelines; durations and times in seconds, like timestamps. */
final class AnalysisReplies {

    private static final String EXACT = "Seconds, exact: an integer when whole, otherwise up to 6 fraction digits.";
    private static final String NEAREST_RANK = "Seconds, nearest-rank (SQL's percentile_disc): a duration that"
            + " occurred.";

    private AnalysisReplies() {
    }

    /** {@code {"min", "p50", "p90", "p99", "max", "mean"}} in seconds. */
    @RegisterForReflection
    @Schema(description = "Statistics of durations, in seconds. Percentiles are nearest-rank: the smallest duration"
            + " with at least p % of the durations at or below it; mean is rounded to the microsecond.")
    record Duration(
            @Schema(required = true, description = EXACT) BigDecimal min,
            @Schema(required = true, description = NEAREST_RANK) BigDecimal p50,
            @Schema(required = true, description = NEAREST_RANK) BigDecimal p90,
            @Schema(required = true, description = NEAREST_RANK) BigDecimal p99,
            @Schema(required = true, description = EXACT) BigDecimal max,
            @Schema(required = true, description = EXACT) BigDecimal mean) {
        static Duration of(DurationStatistics statistics) {
            return new Duration(Seconds.ofMicros(statistics.min()), Seconds.ofMicros(statistics.p50()),
                    Seconds.ofMicros(statistics.p90()), Seconds.ofMicros(statistics.p99()),
                    Seconds.ofMicros(statistics.max()), Seconds.ofMicros(statistics.mean()));
        }
    }

    /** {@code GET /transitions/summary}: the process map. */
    @RegisterForReflection
    @Schema(description = "The process map of the transitions in the window.")
    record Summary(
            @Schema(required = true, description = "Per (from, to) pair, largest count first.") List<Pair> pairs,
            @Schema(required = true, description = "First change points per value (edges from a start node);"
                    + " empty when 'from' is given.") List<Entry> entries) {
        static Summary of(ProcessMap map) {
            return new Summary(map.pairs().stream().map(Pair::of).toList(),
                    map.entries().stream().map(Entry::of).toList());
        }
    }

    /** One edge of the process map. */
    @RegisterForReflection
    @Schema(description = "One edge of the process map.")
    record Pair(
            @Schema(required = true, description = "The value left.") JsonValue from,
            @Schema(required = true, description = "The value entered.") JsonValue to,
            @Schema(required = true, description = "Transitions from 'from' to 'to'.") long count,
            @Schema(required = true, description = "Distinct timelines among them.") long timelines,
            @Schema(required = true, description = "Time spent in 'from' before them.") Duration duration) {
        static Pair of(PairStatistics pair) {
            return new Pair(pair.from(), pair.to(), pair.count(), pair.timelines(), Duration.of(pair.duration()));
        }
    }

    /** Entries into a value: edges from the start node of the process map. */
    @RegisterForReflection
    @Schema(description = "Entries (first change points) into a value.")
    record Entry(
            @Schema(required = true, description = "The value entered.") JsonValue to,
            @Schema(required = true, description = "How many.") long count) {
        static Entry of(ValueCount entries) {
            return new Entry(entries.value(), entries.count());
        }
    }

    /** {@code GET /transitions/next}. */
    @RegisterForReflection
    @Schema(description = "Where the entries into a value went next.")
    record Next(
            @Schema(required = true, description = "The value asked about.") JsonValue value,
            @Schema(required = true, description = "Entries into it in the window.") long entries,
            @Schema(required = true, description = "The values that came next, largest count first.")
            List<Neighbour> next,
            @Schema(required = true, description = "Entries with no later change point: still in the value.")
            long none) {
        static Next of(AdjacentValues answer) {
            return new Next(answer.value(), answer.entries(), Neighbour.all(answer), answer.none());
        }
    }

    /** {@code GET /transitions/previous}. */
    @RegisterForReflection
    @Schema(description = "Where the entries into a value came from.")
    record Previous(
            @Schema(required = true, description = "The value asked about.") JsonValue value,
            @Schema(required = true, description = "Entries into it in the window.") long entries,
            @Schema(required = true, description = "The values before, largest count first.")
            List<Neighbour> previous,
            @Schema(required = true, description = "Entries that were a timeline's first change point.") long none) {
        static Previous of(AdjacentValues answer) {
            return new Previous(answer.value(), answer.entries(), Neighbour.all(answer), answer.none());
        }
    }

    /** A value that followed or preceded the entries, how often, and how long the earlier value held. */
    @RegisterForReflection
    @Schema(description = "A value that followed (or preceded) the entries, and how long the earlier value held.")
    record Neighbour(
            @Schema(required = true, description = "The value.") JsonValue value,
            @Schema(required = true, description = "How many entries it followed (or preceded).") long count,
            @Schema(required = true, description = "Time spent in the earlier value.") Duration duration) {
        static List<Neighbour> all(AdjacentValues answer) {
            return answer.neighbours().stream().map(Neighbour::of).toList();
        }

        static Neighbour of(ValueDurations neighbour) {
            return new Neighbour(neighbour.value(), neighbour.count(), Duration.of(neighbour.duration()));
        }
    }

    /** {@code GET /states}. */
    @RegisterForReflection
    @Schema(description = "How many timelines hold each value at a moment.")
    record States(
            @Schema(required = true, description = "The moment; epoch seconds.") BigDecimal at,
            @Schema(required = true, description = "Per value, largest count first.") List<Count> counts,
            @Schema(required = true, description = "Timelines with a state at 'at': the counts' total.")
            long timelines) {
        static States of(StateCounts states) {
            return new States(states.at().epochSeconds(), states.counts().stream().map(Count::of).toList(),
                    states.timelines());
        }
    }

    /** How many timelines hold a value and, with {@code ages=true}, how long they had held it. */
    @RegisterForReflection
    @Schema(description = "How many timelines hold a value.")
    record Count(
            @Schema(required = true, description = "The value.") JsonValue value,
            @Schema(required = true, description = "Timelines in it.") long count,
            @Schema(description = "With ages=true only: how long they had held it at 'at'.")
            @JsonInclude(JsonInclude.Include.NON_NULL) Duration age) {
        static Count of(StateCount count) {
            return new Count(count.value(), count.count(), count.age().map(Duration::of).orElse(null));
        }
    }

    /** {@code GET /states/stuck}: a timeline held in a value since {@code since}, for {@code seconds}. */
    @RegisterForReflection
    @Schema(description = "A timeline held in a value for longer than asked.")
    record Stuck(
            @Schema(required = true, description = "The timeline's key.") String timeline,
            @Schema(required = true, description = "The value it is in.") JsonValue value,
            @Schema(required = true, description = "The change point that began the stay; epoch seconds.")
            BigDecimal since,
            @Schema(required = true, description = "at - since, in seconds.") BigDecimal seconds) {
        static void write(ReplyJson json, StuckTimeline stuck) throws IOException {
            json.generator().writeStartObject();
            json.string("timeline", stuck.timeline().value());
            json.value("value", stuck.value());
            json.seconds("since", stuck.since().micros());
            json.seconds("seconds", stuck.micros());
            json.generator().writeEndObject();
        }
    }

    /** {@code GET /states/stuck}, paged. */
    @RegisterForReflection
    @Schema(description = "One page of stuck timelines, by since, then key.")
    record StuckPage(
            @Schema(required = true, description = "Stuck timelines.") List<Stuck> items,
            @Schema(required = true, nullable = true, description = Replies.NEXT) String next) {
    }

    /** {@code GET /funnels}. */
    @RegisterForReflection
    @Schema(description = "A funnel: per step, the timelines whose chain of entries reached it.")
    record FunnelReply(@Schema(required = true, description = "The steps, in order.") List<Step> steps) {
        static FunnelReply of(List<FunnelStep> steps) {
            return new FunnelReply(steps.stream().map(Step::of).toList());
        }
    }

    /** A funnel's step: {@code conversion} and {@code duration} are null for the first step and when undefined. */
    @RegisterForReflection
    @Schema(description = "A funnel's step.")
    record Step(
            @Schema(required = true, description = "The step's value.") JsonValue value,
            @Schema(required = true, description = "Timelines whose chain reached this step.") long timelines,
            @Schema(required = true, nullable = true, description = "timelines / the step before's timelines; null"
                    + " for the first step and when the step before has none.") Double conversion,
            @Schema(required = true, nullable = true, description = "Time from the step before; null for the first"
                    + " step and when no chain reached this one.") Duration duration) {
        static Step of(FunnelStep step) {
            return new Step(step.value(), step.timelines(), step.conversion().orElse(null),
                    step.duration().map(Duration::of).orElse(null));
        }
    }

    /** {@code GET /states/durations}: the whole answer, not paged. */
    @RegisterForReflection
    @Schema(description = "Time spent in each value inside the window, most first; not paged.")
    record Durations(@Schema(required = true, description = "Per value, most seconds first.") List<Time> items) {
        static Durations of(List<TimeInState> times) {
            return new Durations(times.stream().map(Time::of).toList());
        }
    }

    /** Time spent in a value; {@code mean = seconds / timelines}. */
    @RegisterForReflection
    @Schema(description = "Time spent in a value inside the window.")
    record Time(
            @Schema(required = true, description = "The value.") JsonValue value,
            @Schema(required = true, description = "Total seconds, clipped to the window.") BigDecimal seconds,
            @Schema(required = true, description = "Timelines with a positive time in it.") long timelines,
            @Schema(required = true, description = "seconds / timelines, rounded to the microsecond.")
            BigDecimal mean) {
        static Time of(TimeInState time) {
            return new Time(time.value(), Seconds.ofMicros(time.micros()), time.timelines(),
                    Seconds.ofMicros(time.meanMicros()));
        }
    }

    /** One distinct value of an attribute: events carrying it, and distinct timelines. */
    @RegisterForReflection
    @Schema(description = "One distinct value of an attribute.")
    record Usage(
            @Schema(required = true, description = "The value, as the first stored event carrying it wrote it.")
            JsonValue value,
            @Schema(required = true, description = "Events carrying it.") long count,
            @Schema(required = true, description = "Distinct timelines among them.") long timelines) {
        static Usage of(ValueUsage usage) {
            return new Usage(usage.value(), usage.events(), usage.timelines());
        }
    }

    /** {@code GET /attributes/{attribute}/values}, paged. */
    @RegisterForReflection
    @Schema(description = "One page of an attribute's distinct values, most events first. The cursor is an offset"
            + " into this ranking: a page fetched after more ingest may repeat or skip a value.")
    record ValuePage(
            @Schema(required = true, description = "Values.") List<Usage> items,
            @Schema(required = true, nullable = true, description = Replies.NEXT) String next) {
        static ValuePage of(Page<ValueUsage> page) {
            return new ValuePage(Replies.itemsOf(page, Usage::of), Replies.nextOf(page));
        }
    }
}
