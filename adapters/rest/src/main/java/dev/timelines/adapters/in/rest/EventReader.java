package dev.timelines.adapters.in.rest;

import dev.timelines.domain.EventId;
import dev.timelines.domain.IncomingEvent;
import dev.timelines.domain.InvalidValueException;
import dev.timelines.domain.JsonValue;
import dev.timelines.domain.TimelineKey;
import dev.timelines.domain.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Turns one event object of a request into an {@link IncomingEvent}, recording every rule it breaks.
 * On {@code /timelines/{key}/events} the key comes from the path; on {@code /events} each event names it.
 */
final class EventReader {

    private static final Set<String> FIELDS = Set.of("timestamp", "data", "id", "timeline");

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
        if (!(json.value() instanceof JsonValue.Obj event)) {
            violations.add(new Violation(json.at(), "an event must be a JSON object"));
            return Optional.empty();
        }
        Field field = new Field(json.at(), event, violations);
        event.members().keySet().stream()
                .filter(name -> !FIELDS.contains(name))
                .forEach(name -> field.fail(name, "not an event field; event values belong in 'data'"));
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
