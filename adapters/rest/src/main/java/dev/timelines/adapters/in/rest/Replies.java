package dev.timelines.adapters.in.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.timelines.application.port.in.Page;
import dev.timelines.application.port.in.TimelineSummary;
import dev.timelines.domain.Event;
import dev.timelines.domain.EventId;
import dev.timelines.domain.HistoryPoint;
import dev.timelines.domain.IngestResult;
import dev.timelines.domain.JsonValue;
import dev.timelines.domain.Seconds;
import dev.timelines.domain.State;
import dev.timelines.domain.Transition;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;

/** The JSON shapes of docs/api.md, kept apart from domain types so that the wire format is explicit. */
final class Replies {

    private Replies() {
    }

    /** {@code {"accepted": n, "duplicates": d}}. */
    @RegisterForReflection
    record Ingested(int accepted, int duplicates) {
        static Ingested of(IngestResult result) {
            return new Ingested(result.accepted(), result.duplicates());
        }
    }

    /** One page: {@code {"items": [...], "next": cursor-or-null}}. */
    @RegisterForReflection
    record Items<T>(List<T> items, String next) {
        static <S, T> Items<T> of(Page<S> page, Function<S, T> map) {
            return new Items<>(page.items().stream().map(map).toList(), page.next().orElse(null));
        }
    }

    /** {@code GET /timelines/{key}}. */
    @RegisterForReflection
    record TimelineInfo(String key, int events, BigDecimal first, BigDecimal last, List<String> attributes) {
        static TimelineInfo of(TimelineSummary summary) {
            return new TimelineInfo(summary.key().value(), summary.events(), summary.first().epochSeconds(),
                    summary.last().epochSeconds(), summary.attributes());
        }
    }

    /** An event as stored; {@code id} only when the producer gave one. */
    @RegisterForReflection
    record StoredEvent(BigDecimal timestamp, long seq, BigDecimal received,
            @JsonInclude(JsonInclude.Include.NON_NULL) String id, JsonValue data) {
        static StoredEvent of(Event event) {
            return new StoredEvent(event.timestamp().epochSeconds(), event.seq(), event.received().epochSeconds(),
                    event.id().map(EventId::value).orElse(null), event.data());
        }
    }

    /** A point of a history view. */
    @RegisterForReflection
    record Point(BigDecimal timestamp, JsonValue value) {
        static Point of(HistoryPoint point) {
            return new Point(point.timestamp().epochSeconds(), point.value());
        }

        /** The seed's {@code [timestamp, value]} pair. */
        List<Object> pair() {
            return List.of(timestamp, value);
        }
    }

    /** A transition; an entry has {@code "entry": true} and neither {@code from} nor {@code duration}. */
    @RegisterForReflection
    record TransitionItem(String timeline, BigDecimal at, @JsonInclude(JsonInclude.Include.NON_NULL) JsonValue from,
            JsonValue to, @JsonInclude(JsonInclude.Include.NON_NULL) BigDecimal duration, boolean entry) {
        static TransitionItem of(Transition transition) {
            return new TransitionItem(transition.timeline().value(), transition.at().epochSeconds(),
                    transition.from().orElse(null), transition.to(),
                    transition.isEntry() ? null : Seconds.ofMicros(transition.durationMicros()), transition.isEntry());
        }
    }

    /** {@code {"value": v, "since": t}}. */
    @RegisterForReflection
    record StateItem(JsonValue value, BigDecimal since) {
        static StateItem of(State state) {
            return new StateItem(state.value(), state.since().epochSeconds());
        }
    }
}
