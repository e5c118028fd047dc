package dev.timelines.adapters.in.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.timelines.application.port.in.Page;
import dev.timelines.application.port.in.TimelineSummary;
import dev.timelines.domain.Event;
import dev.timelines.domain.EventId;
import dev.timelines.domain.HistoryPoint;
import dev.timelines.domain.IngestResult;
import dev.timelines.domain.JsonValue;
import dev.timelines.domain.Seconds;
import dev.timelines.domain.State;
import dev.timelines.domain.TimelineEvent;
import dev.timelines.domain.TimelineKey;
import dev.timelines.domain.Transition;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The JSON shapes of docs/api.md, kept apart from domain types so that the wire format is explicit. Each list is a
 * page record of its own, {@code {"items": [...], "next": cursor-or-null}}, so that the OpenAPI document names it
 * and an operation's examples can sit beside its schema. The long lists (keys, history points, transitions) are not
 * built as these records: {@link StreamedReply} writes them row by row with the records' {@code write} methods.
 */
final class Replies {

    static final String NEXT = "The cursor of the next page: pass it back as 'cursor'. null on the last page.";
    static final String SECONDS = "Epoch seconds: an integer when whole, otherwise up to 6 fraction digits.";

    private Replies() {
    }

    static <S, T> List<T> itemsOf(Page<S> page, Function<S, T> map) {
        return page.items().stream().map(map).toList();
    }

    static String nextOf(Page<?> page) {
        return page.next().orElse(null);
    }

    /** {@code {"accepted": n, "duplicates": d}}. */
    @RegisterForReflection
    @Schema(description = "What an ingest request stored: all of its events, or (on a problem) none.")
    record Ingested(
            @Schema(required = true, description = "Events stored.") int accepted,
            @Schema(required = true, description = "Events not stored because an event with the same id is already"
                    + " in the timeline (or earlier in the request).") int duplicates) {
        static Ingested of(IngestResult result) {
            return new Ingested(result.accepted(), result.duplicates());
        }
    }

    /** {@code GET /timelines}: keys in code point order. */
    @RegisterForReflection
    @Schema(description = "One page of timeline keys, in code point order.")
    record TimelineKeyPage(
            @Schema(required = true, description = "Timeline keys.") List<String> items,
            @Schema(required = true, nullable = true, description = NEXT) String next) {
        /** An item: the key as a JSON string. */
        static void write(ReplyJson json, TimelineKey key) throws IOException {
            json.generator().writeString(key.value());
        }
    }

    /** {@code GET /attributes}: top-level names in code point order. */
    @RegisterForReflection
    @Schema(description = "One page of the top-level attribute names of all stored events, in code point order.")
    record AttributeNamePage(
            @Schema(required = true, description = "Attribute names.") List<String> items,
            @Schema(required = true, nullable = true, description = NEXT) String next) {
        static AttributeNamePage of(Page<String> page) {
            return new AttributeNamePage(itemsOf(page, Function.identity()), nextOf(page));
        }
    }

    /** {@code GET /timelines/{key}}. */
    @RegisterForReflection
    @Schema(description = "A timeline's summary.")
    record TimelineInfo(
            @Schema(required = true, description = "The timeline's key.") String key,
            @Schema(required = true, description = "Events stored in it.") int events,
            @Schema(required = true, description = "The earliest event timestamp; " + SECONDS) BigDecimal first,
            @Schema(required = true, description = "The latest event timestamp; " + SECONDS) BigDecimal last,
            @Schema(required = true, description = "Top-level attribute names of its events, in code point order.")
            List<String> attributes) {
        static TimelineInfo of(TimelineSummary summary) {
            return new TimelineInfo(summary.key().value(), summary.events(), summary.first().epochSeconds(),
                    summary.last().epochSeconds(), summary.attributes());
        }
    }

    /** An event as stored; {@code id} only when the producer gave one. */
    @RegisterForReflection
    @Schema(description = "An event as stored.")
    record StoredEvent(
            @Schema(required = true, description = "The event's time; " + SECONDS) BigDecimal timestamp,
            @Schema(required = true, description = "Its arrival order across the whole store, increasing.") long seq,
            @Schema(required = true, description = "When the server accepted the request that stored it; "
                    + SECONDS) BigDecimal received,
            @Schema(description = "The producer's id, when it gave one.")
            @JsonInclude(JsonInclude.Include.NON_NULL) String id,
            @Schema(required = true, description = "The event's data object, as sent.") JsonValue data) {
        static StoredEvent of(Event event) {
            return new StoredEvent(event.timestamp().epochSeconds(), event.seq(), event.received().epochSeconds(),
                    event.id().map(EventId::value).orElse(null), event.data());
        }
    }

    /**
     * One line of an export ({@code GET /events} with {@code Accept: application/x-ndjson}), and one event of an
     * import ({@code POST /events/import}): an event as stored, with its timeline.
     */
    @RegisterForReflection
    @Schema(name = "ExportedEvent", description = "An event as stored, with its timeline: one line of an export, and"
            + " what an import stores again as it was (seq, received and id kept). No other field is accepted.",
            additionalProperties = Schema.False.class)
    record ExportedEvent(
            @Schema(required = true, description = "The key of the timeline the event belongs to.", minLength = 1)
            String timeline,
            @Schema(required = true, description = "Its arrival order across the whole store: a whole number from 1"
                    + " to 2^53-1, increasing along an export (and required to increase along an import).",
                    minimum = "1", maximum = "9007199254740991") long seq,
            @Schema(required = true, description = "When the server accepted the request that stored it; "
                    + SECONDS) BigDecimal received,
            @Schema(description = "The producer's id, when it gave one.", minLength = 1, maxLength = 128)
            @JsonInclude(JsonInclude.Include.NON_NULL) String id,
            @Schema(required = true, description = "The event's time; " + SECONDS) BigDecimal timestamp,
            @Schema(required = true, description = "The event's data object, as sent.") JsonValue data) {
        static ExportedEvent of(TimelineEvent stored) {
            Event event = stored.event();
            return new ExportedEvent(stored.timeline().value(), event.seq(), event.received().epochSeconds(),
                    event.id().map(EventId::value).orElse(null), event.timestamp().epochSeconds(), event.data());
        }
    }

    /** A JSON array of exported events for {@code POST /events/import}. */
    @Schema(name = "ExportedEvents", type = SchemaType.ARRAY, implementation = ExportedEvent.class,
            description = "Exported events in increasing seq order, stored again all or nothing.")
    interface ExportedEvents {
    }

    /** {@code DELETE /timelines?lastEventBefore}. */
    @RegisterForReflection
    @Schema(description = "What a retention request deleted.")
    record Deleted(@Schema(required = true, description = "Timelines deleted.") int deleted) {
    }

    /** {@code GET /timelines/{key}/events}. */
    @RegisterForReflection
    @Schema(description = "One page of a timeline's events in (timestamp, seq) order.")
    record EventPage(
            @Schema(required = true, description = "Events.") List<StoredEvent> items,
            @Schema(required = true, nullable = true, description = NEXT) String next) {
        static EventPage of(Page<Event> page) {
            return new EventPage(itemsOf(page, StoredEvent::of), nextOf(page));
        }
    }

    /** A point of a history view. */
    @RegisterForReflection
    @Schema(description = "A point of a history view: the attribute's value at an event.")
    record Point(
            @Schema(required = true, description = "The event's time; " + SECONDS) BigDecimal timestamp,
            @Schema(required = true, description = "The attribute's value.") JsonValue value) {
        static void write(ReplyJson json, HistoryPoint point) throws IOException {
            json.generator().writeStartObject();
            json.seconds("timestamp", point.timestamp().micros());
            json.value("value", point.value());
            json.generator().writeEndObject();
        }

        /** The seed's {@code [timestamp, value]} pair ({@code format=pairs}). */
        static void writePair(ReplyJson json, HistoryPoint point) throws IOException {
            json.generator().writeStartArray();
            json.seconds(point.timestamp().micros());
            json.value(point.value());
            json.generator().writeEndArray();
        }
    }

    /** {@code GET /timelines/{key}/history} with {@code format=items} (the default). */
    @RegisterForReflection
    @Schema(description = "One page of a history view, oldest first.")
    record PointPage(
            @Schema(required = true, description = "Points.") List<Point> items,
            @Schema(required = true, nullable = true, description = NEXT) String next) {
    }

    /**
     * {@code GET /timelines/{key}/history?format=pairs}: one bare array of {@code [timestamp, value]}, not paged. For
     * the OpenAPI document only: the resource writes the pairs with {@link Point#writePair}.
     */
    @Schema(name = "PointPairs", type = SchemaType.ARRAY, implementation = PointPair.class,
            description = "A whole history view as one bare array of [timestamp, value] pairs, not paged"
                    + " (format=pairs).")
    interface PointPairs {
    }

    /** {@code [timestamp, value]}: for the OpenAPI document only. */
    @Schema(name = "PointPair", type = SchemaType.ARRAY, minItems = 2, maxItems = 2,
            prefixItems = {BigDecimal.class, JsonValue.class},
            description = "[timestamp, value]: the event's time in epoch seconds, and the attribute's value.")
    interface PointPair {
    }

    /** A transition; an entry has {@code "entry": true} and neither {@code from} nor {@code duration}. */
    @RegisterForReflection
    @Schema(description = "A transition between two consecutive change points, or an entry: a timeline's first change"
            + " point, with \"entry\": true and neither 'from' nor 'duration'.")
    record TransitionItem(
            @Schema(required = true, description = "The timeline's key.") String timeline,
            @Schema(required = true, description = "The change point's time; " + SECONDS) BigDecimal at,
            @Schema(description = "The value before; absent for an entry.")
            @JsonInclude(JsonInclude.Include.NON_NULL) JsonValue from,
            @Schema(required = true, description = "The value after.") JsonValue to,
            @Schema(description = "Seconds spent in 'from'; absent for an entry.")
            @JsonInclude(JsonInclude.Include.NON_NULL) BigDecimal duration,
            @Schema(required = true, description = "true for an entry.") boolean entry) {
        static TransitionItem of(Transition transition) {
            return new TransitionItem(transition.timeline().value(), transition.at().epochSeconds(),
                    transition.from().orElse(null), transition.to(),
                    transition.isEntry() ? null : Seconds.ofMicros(transition.durationMicros()), transition.isEntry());
        }

        /** The same object as {@link #of} gives, written field by field: the list replies' rows. */
        static void write(ReplyJson json, Transition transition) throws IOException {
            JsonGenerator out = json.generator();
            out.writeStartObject();
            json.string("timeline", transition.timeline().value());
            json.seconds("at", transition.at().micros());
            if (!transition.isEntry()) {
                json.value("from", transition.from().orElseThrow());
            }
            json.value("to", transition.to());
            if (!transition.isEntry()) {
                json.seconds("duration", transition.durationMicros());
            }
            out.writeBooleanField("entry", transition.isEntry());
            out.writeEndObject();
        }
    }

    /** {@code GET /transitions} and {@code GET /timelines/{key}/transitions}. */
    @RegisterForReflection
    @Schema(description = "One page of transitions, ordered by (at, timeline, seq).")
    record TransitionPage(
            @Schema(required = true, description = "Transitions.") List<TransitionItem> items,
            @Schema(required = true, nullable = true, description = NEXT) String next) {
    }

    /** {@code {"value": v, "since": t}}. */
    @RegisterForReflection
    @Schema(description = "A timeline's state: the value of its last change point at or before the moment.")
    record StateItem(
            @Schema(required = true, description = "The value.") JsonValue value,
            @Schema(required = true, description = "The change point that began the state (a later event repeating"
                    + " the value does not move it); " + SECONDS) BigDecimal since) {
        static StateItem of(State state) {
            return new StateItem(state.value(), state.since().epochSeconds());
        }
    }
}
