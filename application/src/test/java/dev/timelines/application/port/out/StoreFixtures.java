package dev.timelines.application.port.out;

import dev.timelines.domain.Attribute;
import dev.timelines.domain.EventId;
import dev.timelines.domain.HistoryPoint;
import dev.timelines.domain.IncomingEvent;
import dev.timelines.domain.JsonValue;
import dev.timelines.domain.State;
import dev.timelines.domain.TimelineKey;
import dev.timelines.domain.Timestamp;
import dev.timelines.domain.Transition;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Events, JSON values and readable renderings for the storage contract and the service tests. */
public final class StoreFixtures {

    public static final Attribute STATUS = new Attribute("status");
    public static final Attribute ORDER_STATUS = new Attribute("/order/status");
    public static final JsonValue NULL = JsonValue.Null.INSTANCE;

    private StoreFixtures() {
    }

    public static TimelineKey key(String key) {
        return new TimelineKey(key);
    }

    public static Timestamp seconds(long epochSeconds) {
        return new Timestamp(epochSeconds * Timestamp.MICROS_PER_SECOND);
    }

    public static JsonValue str(String value) {
        return new JsonValue.Str(value);
    }

    /** A number exactly as written: {@code num("1.0")} keeps its scale. */
    public static JsonValue num(String written) {
        return new JsonValue.Num(new BigDecimal(written));
    }

    public static JsonValue arr(JsonValue... elements) {
        return new JsonValue.Arr(List.of(elements));
    }

    /** An object from name/value pairs, members in the order given. */
    public static JsonValue.Obj obj(Object... namesAndValues) {
        Map<String, JsonValue> members = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            members.put((String) namesAndValues[i], (JsonValue) namesAndValues[i + 1]);
        }
        return new JsonValue.Obj(members);
    }

    public static IncomingEvent event(String key, Timestamp at, JsonValue.Obj data) {
        return new IncomingEvent(key(key), at, Optional.empty(), data);
    }

    public static IncomingEvent event(String key, Timestamp at, String id, JsonValue.Obj data) {
        return new IncomingEvent(key(key), at, Optional.of(new EventId(id)), data);
    }

    /** An event without id whose data is {@code {"status": status}}. */
    public static IncomingEvent status(String key, long epochSeconds, String status) {
        return event(key, seconds(epochSeconds), obj("status", str(status)));
    }

    /** An event with an id whose data is {@code {"status": status}}. */
    public static IncomingEvent status(String key, long epochSeconds, String id, String status) {
        return event(key, seconds(epochSeconds), id, obj("status", str(status)));
    }

    /** Epoch seconds rendered by the test, not by the code under test. */
    public static String time(Timestamp t) {
        long micros = t.micros();
        return micros % 1_000_000 == 0
                ? Long.toString(micros / 1_000_000)
                : BigDecimal.valueOf(micros, 6).toPlainString();
    }

    /**
     * A value as written, numbers with their scale ({@code 1.0} is not {@code 1}), object members sorted by
     * name (a store need not keep member order).
     */
    public static String render(JsonValue value) {
        if (value instanceof JsonValue.Str s) {
            return '"' + s.value() + '"';
        }
        if (value instanceof JsonValue.Num n) {
            return n.value().toString();
        }
        if (value instanceof JsonValue.Arr a) {
            return a.elements().stream().map(StoreFixtures::render).collect(Collectors.joining(",", "[", "]"));
        }
        if (value instanceof JsonValue.Obj o) {
            return new TreeMap<>(o.members()).entrySet().stream()
                    .map(e -> '"' + e.getKey() + "\":" + render(e.getValue()))
                    .collect(Collectors.joining(",", "{", "}"));
        }
        if (value instanceof JsonValue.Bool b) {
            return b.value() ? "true" : "false";
        }
        return "null";
    }

    /** {@code "<timestamp> <value>"} per point, without seq. */
    public static List<String> points(List<HistoryPoint> points) {
        return points.stream().map(p -> time(p.timestamp()) + " " + render(p.value())).toList();
    }

    /** {@code "<timeline> <at> <from> -> <to> (<duration micros>)"}, {@code entry} for no from; without seq. */
    public static List<String> transitions(List<Transition> transitions) {
        return transitions.stream().map(t -> t.timeline() + " " + time(t.at()) + " "
                + t.from().map(StoreFixtures::render).orElse("entry") + " -> " + render(t.to())
                + " (" + t.durationMicros() + ")").toList();
    }

    /** {@code "<value> since <timestamp>"}, or {@code "none"}. */
    public static String state(Optional<State> state) {
        return state.map(s -> render(s.value()) + " since " + time(s.since())).orElse("none");
    }
}
