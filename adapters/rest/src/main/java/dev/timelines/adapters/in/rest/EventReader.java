package dev.timelines.adapters.in.rest;

import dev.timelines.domain.EventId;
import dev.timelines.domain.IncomingEvent;
import dev.timelines.domain.InvalidValueException;
import dev.timelines.domain.JsonValue;
import dev.timelines.domain.TimelineEvent;
import dev.timelines.domain.TimelineKey;
import dev.timelines.domain.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Turns one event object of a request into an {@link IncomingEvent}, recording every rule it breaks.
 * On {@code /timelines/{key}/events} the key comes from the path; on {@code /events} each event names it; on
 * {@code /events/import} it also carries the {@code seq} and {@code received} an export wrote.
 */
final class EventReader {

    private static final Set<String> FIELDS = Set.of("timestamp", "data", "id", "timeline");
    private static final Set<String> EXPORTED_FIELDS = Set.of("timestamp", "data", "id", "timeline", "seq", "received");
    /** The highest seq an import takes: the largest integer every JSON reader holds exactly. */
    static final long MAX_SEQ = (1L << 53) - 1;

    private final Optional<TimelineKey> pathKey;

    private EventReader(Optional<TimelineKey> pathKey) {
        this.pathKey = pathKey;
    }

    static EventReader forTimeline(TimelineKey key) {
        return new EventReader(Optional.of(key));
    }

    static EventReader naming() {
        return new EventReader(Optional.empty());
    }

    /** The event, or empty after adding to {@code violations} what is wrong with it. */
    Optional<IncomingEvent> read(LocatedJson json, List<Violation> violations) {
        return fields(json, violations, FIELDS).flatMap(this::incoming);
    }

    /**
     * An event as an export wrote it, with its {@code seq} and {@code received} (for an import), or empty after
     * adding to {@code violations} what is wrong with it.
     */
    Optional<TimelineEvent> readExported(LocatedJson json, List<Violation> violations) {
        return fields(json, violations, EXPORTED_FIELDS).flatMap(field -> {
            Optional<Long> seq = field.required("seq", EventReader::seq);
            Optional<Timestamp> received = field.required("received", EventReader::timestamp);
            return incoming(field).filter(event -> seq.isPresent() && received.isPresent())
                    .map(event -> new TimelineEvent(event.timeline(), event.stored(seq.get(), received.get())));
        });
    }

    /** The event object's fields, any name it must not have recorded as a violation; empty if it is no object. */
    private static Optional<Field> fields(LocatedJson json, List<Violation> violations, Set<String> allowed) {
        if (!(json.value() instanceof JsonValue.Obj event)) {
            violations.add(new Violation(json.at(), "an event must be a JSON object"));
            return Optional.empty();
        }
        Field field = new Field(json.at(), event, violations);
        event.members().keySet().stream()
                .filter(name -> !allowed.contains(name))
                .forEach(name -> field.fail(name, "not an event field; event values belong in 'data'"));
        return Optional.of(field);
    }

    /** The event's timeline, timestamp, id and data; empty when any field, read before or now, broke a rule. */
    private Optional<IncomingEvent> incoming(Field field) {
        Optional<TimelineKey> key = timeline(field);
        Optional<Timestamp> timestamp = field.required("timestamp", EventReader::timestamp);
        Optional<JsonValue.Obj> data = field.required("data", value -> {
            if (value instanceof JsonValue.Obj obj) {
                return obj;
            }
            throw new InvalidValueException("must be a JSON object");
        });
        Optional<EventId> id = field.optional("id", value -> new EventId(string(value)));
        if (key.isEmpty() || timestamp.isEmpty() || data.isEmpty() || field.failed) {
            return Optional.empty();
        }
        return Optional.of(new IncomingEvent(key.get(), timestamp.get(), id, data.get()));
    }

    private Optional<TimelineKey> timeline(Field field) {
        if (pathKey.isEmpty()) {
            return field.required("timeline", value -> new TimelineKey(string(value)));
        }
        field.optional("timeline", value -> {
            if (!pathKey.get().value().equals(string(value))) {
                throw new InvalidValueException("must equal the key in the path, '" + pathKey.get().value() + "'");
            }
            return value;
        });
        return pathKey;
    }

    private static Timestamp timestamp(JsonValue value) {
        if (value instanceof JsonValue.Num num) {
            return Timestamp.ofEpochSeconds(num.value());
        }
        if (value instanceof JsonValue.Str str) {
            return Timestamp.parseRfc3339(str.value());
        }
        throw new InvalidValueException("must be a number of epoch seconds or an RFC 3339 string");
    }

    private static long seq(JsonValue value) {
        String range = "must be a whole number from 1 to " + MAX_SEQ;
        if (!(value instanceof JsonValue.Num num)) {
            throw new InvalidValueException(range);
        }
        try {
            long seq = num.value().longValueExact();
            if (seq < 1 || seq > MAX_SEQ) {
                throw new InvalidValueException(range);
            }
            return seq;
        } catch (ArithmeticException e) {
            throw new InvalidValueException(range);
        }
    }

    private static String string(JsonValue value) {
        if (value instanceof JsonValue.Str str) {
            return str.value();
        }
        throw new InvalidValueException("must be a JSON string");
    }

    /** Reads the fields of one event, turning each broken rule into a violation at the event's place. */
    private static final class Field {
        private final String at;
        private final JsonValue.Obj event;
        private final List<Violation> violations;
        private boolean failed;

        Field(String at, JsonValue.Obj event, List<Violation> violations) {
            this.at = at;
            this.event = event;
            this.violations = violations;
        }

        <T> Optional<T> required(String name, Function<JsonValue, T> convert) {
            if (!event.members().containsKey(name)) {
                fail(name, "required");
                return Optional.empty();
            }
            return optional(name, convert);
        }

        <T> Optional<T> optional(String name, Function<JsonValue, T> convert) {
            Optional<JsonValue> value = event.member(name);
            try {
                return value.map(convert);
            } catch (InvalidValueException e) {
                fail(name, e.getMessage());
                return Optional.empty();
            }
        }

        void fail(String name, String message) {
            failed = true;
            violations.add(new Violation(at, "'" + name + "': " + message));
        }
    }
}
