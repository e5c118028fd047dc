package dev.timelines.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The events of one key in timeline order, and what docs/semantics.md derives from them: the history
 * views of an attribute, its transitions and its state at a moment.
 */
public final class Timeline {

    private final TimelineKey key;
    private final List<Event> events;

    /** A timeline exists only while it has events; they may come in any order. */
    public Timeline(TimelineKey key, List<Event> events) {
        if (events.isEmpty()) {
            throw new IllegalArgumentException("a timeline has at least one event");
        }
        List<Event> sorted = new ArrayList<>(events);
        sorted.sort(Event.TIMELINE_ORDER);
        this.key = key;
        this.events = List.copyOf(sorted);
    }

    public TimelineKey key() {
        return key;
    }

    /** The events ordered by (timestamp, seq). */
    public List<Event> events() {
        return events;
    }

    public Event first() {
        return events.get(0);
    }

    public Event last() {
        return events.get(events.size() - 1);
    }

    /**
     * The timeline as known at {@code asOf} (docs/semantics.md, "As known at"): only its events received by then;
     * empty when it had none.
     */
    public Optional<Timeline> knownAt(Timestamp asOf) {
        List<Event> known = events.stream().filter(event -> event.received().compareTo(asOf) <= 0).toList();
        if (known.size() == events.size()) {
            return Optional.of(this);
        }
        return known.isEmpty() ? Optional.empty() : Optional.of(new Timeline(key, known));
    }

    /**
     * The timeline as it stood once the writes up to {@code seq} were made (docs/semantics.md, "The live stream"):
     * only its events with a seq at or below it; empty when it had none.
     */
    public Optional<Timeline> upToSeq(long seq) {
        List<Event> written = events.stream().filter(event -> event.seq() <= seq).toList();
        if (written.size() == events.size()) {
            return Optional.of(this);
        }
        return written.isEmpty() ? Optional.empty() : Optional.of(new Timeline(key, written));
    }

    /** The top-level data keys used by any event, in code point order. */
    public SortedSet<String> attributeNames() {
        SortedSet<String> names = new TreeSet<>(CodePointOrder.INSTANCE);
        events.forEach(event -> names.addAll(event.data().members().keySet()));
        return names;
    }

    public List<HistoryPoint> history(Attribute attribute, HistoryMode mode) {
        return mode == HistoryMode.CHANGES ? changePoints(attribute) : allPoints(attribute);
    }

    /** The change points: events that have the attribute, minus those repeating the previous present value. */
    public List<HistoryPoint> changePoints(Attribute attribute) {
        return changePoints(values(attribute));
    }

    /** The attribute's value at each event that carries it, in timeline order. */
    private List<HistoryPoint> values(Attribute attribute) {
        List<HistoryPoint> values = new ArrayList<>(events.size());
        for (Event event : events) {
            attribute.valueIn(event.data())
                    .ifPresent(value -> values.add(new HistoryPoint(event.timestamp(), event.seq(), value)));
        }
        return values;
    }

    private static List<HistoryPoint> changePoints(List<HistoryPoint> values) {
        List<HistoryPoint> points = new ArrayList<>();
        JsonValue previous = null;
        for (HistoryPoint value : values) {
            if (!value.value().equals(previous)) {
                points.add(value);
            }
            previous = value.value();
        }
        return points;
    }

    private List<HistoryPoint> allPoints(Attribute attribute) {
        List<HistoryPoint> points = new ArrayList<>();
        JsonValue current = null;
        for (Event event : events) {
            current = attribute.valueIn(event.data()).orElse(current);
            if (current != null) {
                points.add(new HistoryPoint(event.timestamp(), event.seq(), current));
            }
        }
        return points;
    }

    /**
     * The stays of the attribute in time order: one per change point, each held until the next change point, the
     * last one still held.
     */
    public List<Stay> stays(Attribute attribute) {
        return stays(key, values(attribute));
    }

    /**
     * The stays of an attribute of the timeline {@code key} from its value at each event that carries it, in
     * timeline order: the rule of {@link #stays(Attribute)}, for a storage that reads one attribute's values
     * without building the timeline's events.
     */
    public static List<Stay> stays(TimelineKey key, List<HistoryPoint> values) {
        List<HistoryPoint> points = changePoints(values);
        List<Stay> stays = new ArrayList<>(points.size());
        for (int i = 0; i < points.size(); i++) {
            HistoryPoint point = points.get(i);
            stays.add(new Stay(key, point.value(), point.timestamp(), point.seq(), neighbour(points, i - 1),
                    neighbour(points, i + 1)));
        }
        return stays;
    }

    private static Optional<Stay.Neighbour> neighbour(List<HistoryPoint> points, int i) {
        return i < 0 || i >= points.size()
                ? Optional.empty()
                : Optional.of(new Stay.Neighbour(points.get(i).value(), points.get(i).timestamp()));
    }

    /** Every transition of the attribute in time order, the first being the entry: the stays' beginnings. */
    public List<Transition> transitions(Attribute attribute) {
        return stays(attribute).stream().map(Stay::transition).toList();
    }

    /** The state at {@code at}: the stay that holds then (see {@link Stay#holdsAt}); empty when there is none. */
    public Optional<State> stateAt(Attribute attribute, Timestamp at) {
        return stays(attribute).stream().filter(stay -> stay.holdsAt(at)).findFirst()
                .map(stay -> new State(stay.value(), stay.since()));
    }
}
