package dev.timelines.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * docs/semantics.md read literally and computed the slow way: the oracle the properties compare {@link Timeline}
 * with. It shares no logic with the production code: its own ordering, its own JSON Pointer walk, its own
 * JSON equality, and every view straight from the sentence that defines it. Answers are rendered as
 * {@code "<seconds>#<seq> <exact value>"} so that they can be compared with what the production code renders.
 */
final class ReferenceTimeline {

    /** The events in (timestamp, seq) order. */
    private final List<Event> events = new ArrayList<>();
    /** Change point indexes per attribute, remembered only to keep the many state probes cheap. */
    private final Map<String, List<Integer>> changeIndexes = new HashMap<>();

    ReferenceTimeline(List<Event> arrived) {
        List<Event> left = new ArrayList<>(arrived);
        while (!left.isEmpty()) {
            Event first = left.get(0);
            for (Event candidate : left) {
                boolean earlier = candidate.timestamp().micros() < first.timestamp().micros()
                        || candidate.timestamp().micros() == first.timestamp().micros() && candidate.seq() < first.seq();
                if (earlier) {
                    first = candidate;
                }
            }
            events.add(first);
            left.remove(first);
        }
    }

    /** "changes": the events that have the attribute, minus those whose value equals the previous present value. */
    List<String> changes(String attribute) {
        List<String> points = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            JsonValue value = valueAt(i, attribute);
            if (value == null) {
                continue;
            }
            JsonValue previous = null;
            for (int j = i - 1; j >= 0 && previous == null; j--) {
                previous = valueAt(j, attribute);
            }
            if (previous == null || !sameJson(previous, value)) {
                points.add(point(events.get(i), value));
            }
        }
        return points;
    }

    /** "all": one point per event from the first presence on; a lacking event carries the previous value. */
    List<String> all(String attribute) {
        List<String> points = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            JsonValue latest = null;
            for (int j = i; j >= 0 && latest == null; j--) {
                latest = valueAt(j, attribute);
            }
            if (latest != null) {
                points.add(point(events.get(i), latest));
            }
        }
        return points;
    }

    /** Two consecutive change points make a transition; the first change point is an entry. */
    List<String> transitions(String attribute) {
        List<Integer> changeIndexes = changeIndexes(attribute);
        List<String> transitions = new ArrayList<>();
        for (int k = 0; k < changeIndexes.size(); k++) {
            Event to = events.get(changeIndexes.get(k));
            String from = "entry";
            long duration = 0;
            if (k > 0) {
                Event previous = events.get(changeIndexes.get(k - 1));
                from = Json.exact(valueIn(previous, attribute));
                duration = to.timestamp().micros() - previous.timestamp().micros();
            }
            transitions.add(Views.time(to.timestamp()) + "#" + to.seq() + " " + from + " -> "
                    + Json.exact(valueIn(to, attribute)) + " (" + duration + ")");
        }
        return transitions;
    }

    /** The value of the last change point with timestamp at or before T, ties to the highest seq. */
    String stateAt(String attribute, Timestamp at) {
        Event last = null;
        for (int index : changeIndexes(attribute)) {
            Event candidate = events.get(index);
            if (candidate.timestamp().micros() > at.micros()) {
                continue;
            }
            if (last == null
                    || candidate.timestamp().micros() > last.timestamp().micros()
                    || candidate.timestamp().micros() == last.timestamp().micros() && candidate.seq() > last.seq()) {
                last = candidate;
            }
        }
        return last == null ? "none"
                : Json.exact(valueIn(last, attribute)) + " since " + Views.time(last.timestamp());
    }

    private List<Integer> changeIndexes(String attribute) {
        return changeIndexes.computeIfAbsent(attribute, this::computeChangeIndexes);
    }

    private List<Integer> computeChangeIndexes(String attribute) {
        List<Integer> indexes = new ArrayList<>();
        JsonValue held = null;
        for (int i = 0; i < events.size(); i++) {
            JsonValue value = valueAt(i, attribute);
            if (value != null && (held == null || !sameJson(held, value))) {
                indexes.add(i);
            }
            if (value != null) {
                held = value;
            }
        }
        return indexes;
    }

    private JsonValue valueAt(int index, String attribute) {
        return valueIn(events.get(index), attribute);
    }

    static String point(Event event, JsonValue value) {
        return Views.time(event.timestamp()) + "#" + event.seq() + " " + Json.exact(value);
    }

    /** The value an attribute names in an event's data; null when the event lacks it (a JSON null is NULL). */
    static JsonValue valueIn(Event event, String attribute) {
        List<String> tokens = new ArrayList<>();
        if (attribute.startsWith("/")) {
            for (String raw : attribute.substring(1).split("/", -1)) {
                tokens.add(raw.replace("~1", "/").replace("~0", "~"));
            }
        } else {
            tokens.add(attribute);
        }
        JsonValue at = event.data();
        for (String token : tokens) {
            if (at instanceof JsonValue.Obj object && object.members().containsKey(token)) {
                at = object.members().get(token);
            } else if (at instanceof JsonValue.Arr array && token.matches("0|[1-9][0-9]{0,8}")
                    && Integer.parseInt(token) < array.elements().size()) {
                at = array.elements().get(Integer.parseInt(token));
            } else {
                return null;
            }
        }
        return at;
    }

    /** JSON equality: numbers by value, objects regardless of member order, arrays element by element. */
    static boolean sameJson(JsonValue a, JsonValue b) {
        if (a instanceof JsonValue.Num x && b instanceof JsonValue.Num y) {
            return x.value().compareTo(y.value()) == 0;
        }
        if (a instanceof JsonValue.Str x && b instanceof JsonValue.Str y) {
            return x.value().equals(y.value());
        }
        if (a instanceof JsonValue.Arr x && b instanceof JsonValue.Arr y) {
            if (x.elements().size() != y.elements().size()) {
                return false;
            }
            for (int i = 0; i < x.elements().size(); i++) {
                if (!sameJson(x.elements().get(i), y.elements().get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof JsonValue.Obj x && b instanceof JsonValue.Obj y) {
            Map<String, JsonValue> xs = x.members();
            Map<String, JsonValue> ys = y.members();
            if (!xs.keySet().equals(ys.keySet())) {
                return false;
            }
            for (String name : xs.keySet()) {
                if (!sameJson(xs.get(name), ys.get(name))) {
                    return false;
                }
            }
            return true;
        }
        // null, true and false are singletons
        return a == b;
    }
}
