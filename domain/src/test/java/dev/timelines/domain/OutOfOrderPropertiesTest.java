package dev.timelines.domain;

import static dev.timelines.domain.Json.FALSE;
import static dev.timelines.domain.Json.NULL;
import static dev.timelines.domain.Json.TRUE;
import static dev.timelines.domain.Json.arr;
import static dev.timelines.domain.Json.num;
import static dev.timelines.domain.Json.obj;
import static dev.timelines.domain.Json.str;
import static dev.timelines.domain.TestEvents.KEY;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * The store's core invariant (docs/semantics.md, "Out-of-order arrival"): every answer equals what sorted arrival
 * would give, and equals the definitions of docs/semantics.md as {@link ReferenceTimeline} computes them.
 */
class OutOfOrderPropertiesTest {

    private static final long BASE_MICROS = 1_680_945_987_000_000L;
    private static final List<String> ATTRIBUTES =
            List.of("status", "/status", "/order/status", "order", "/list/1", "/a~1b", "missing");

    /** An event as a producer sends it: a timestamp, an optional id and data. */
    record Draft(long micros, Optional<EventId> id, JsonValue.Obj data) {

        Event stored(long seq) {
            return new Event(new Timestamp(micros), seq, TestEvents.RECEIVED, id, data);
        }
    }

    @Property(tries = 500)
    void everyViewEqualsTheReferenceDefinition(@ForAll("arrivals") List<Event> arrived) {
        Timeline timeline = new Timeline(KEY, arrived);
        ReferenceTimeline reference = new ReferenceTimeline(arrived);

        for (String name : ATTRIBUTES) {
            Attribute attribute = new Attribute(name);
            assertEquals(reference.changes(name), withSeq(timeline.history(attribute, HistoryMode.CHANGES)), name);
            assertEquals(reference.all(name), withSeq(timeline.history(attribute, HistoryMode.ALL)), name);
            assertEquals(reference.transitions(name), transitionsWithSeq(timeline.transitions(attribute)), name);
            for (Timestamp at : probeTimes(arrived)) {
                assertEquals(reference.stateAt(name, at), Views.state(timeline.stateAt(attribute, at)),
                        name + " at " + at);
            }
        }
    }

    @Property(tries = 300)
    void theOrderEventsAreHandedOverInDoesNotMatter(@ForAll("arrivals") List<Event> arrived, @ForAll Random random) {
        List<Event> shuffled = new ArrayList<>(arrived);
        Collections.shuffle(shuffled, random);

        assertEquals(everything(new Timeline(KEY, arrived), probeTimes(arrived), true),
                everything(new Timeline(KEY, shuffled), probeTimes(arrived), true));
    }

    @Property(tries = 300)
    void anyArrivalOrderGivesTheAnswerOfSortedArrival(@ForAll("drafts") List<Draft> drafts, @ForAll Random random) {
        // Sorted arrival keeps the drafts' own order among equal timestamps; the late arrival keeps it too.
        List<Draft> sorted = new ArrayList<>(drafts);
        sorted.sort(Comparator.comparingLong(Draft::micros));
        List<Draft> late = interleave(sorted, random);

        List<Event> sortedStore = store(sorted);
        List<Event> lateStore = store(late);
        List<Timestamp> probes = probeTimes(sortedStore);

        assertEquals(everything(new Timeline(KEY, sortedStore), probes, false),
                everything(new Timeline(KEY, lateStore), probes, false));
    }

    /** A random order in which the drafts of each timestamp still come in their order in {@code sorted}. */
    private static List<Draft> interleave(List<Draft> sorted, Random random) {
        List<Draft> slots = new ArrayList<>(sorted);
        Collections.shuffle(slots, random);
        Map<Long, Deque<Draft>> byTime = new LinkedHashMap<>();
        sorted.forEach(d -> byTime.computeIfAbsent(d.micros(), t -> new ArrayDeque<>()).add(d));
        List<Draft> arrival = new ArrayList<>();
        slots.forEach(slot -> arrival.add(byTime.get(slot.micros()).removeFirst()));
        return arrival;
    }

    /** What a store makes of drafts arriving in this order: seq is the position of arrival. */
    private static List<Event> store(List<Draft> arrival) {
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < arrival.size(); i++) {
            events.add(arrival.get(i).stored(10L + 3L * i));
        }
        return events;
    }

    /** Every answer of the timeline, with or without the seqs (which differ between arrival orders). */
    private static List<String> everything(Timeline timeline, List<Timestamp> probes, boolean withSeqs) {
        List<String> answers = new ArrayList<>();
        for (Event event : timeline.events()) {
            answers.add("event " + Views.time(event.timestamp()) + (withSeqs ? "#" + event.seq() : "") + " "
                    + event.id().map(EventId::value).orElse("-") + " " + Json.exact(event.data()));
        }
        answers.add("attributes " + timeline.attributeNames());
        for (String name : ATTRIBUTES) {
            Attribute attribute = new Attribute(name);
            answers.add(name);
            List<HistoryPoint> changes = timeline.history(attribute, HistoryMode.CHANGES);
            List<HistoryPoint> all = timeline.history(attribute, HistoryMode.ALL);
            answers.addAll(withSeqs ? withSeq(changes) : Views.points(changes));
            answers.addAll(withSeqs ? withSeq(all) : Views.points(all));
            answers.addAll(withSeqs ? transitionsWithSeq(timeline.transitions(attribute))
                    : Views.transitions(timeline.transitions(attribute)));
            for (Timestamp at : probes) {
                answers.add(Views.time(at) + ": " + Views.state(timeline.stateAt(attribute, at)));
            }
        }
        return answers;
    }

    private static List<String> withSeq(List<HistoryPoint> points) {
        return points.stream()
                .map(p -> Views.time(p.timestamp()) + "#" + p.seq() + " " + Json.exact(p.value())).toList();
    }

    private static List<String> transitionsWithSeq(List<Transition> transitions) {
        return transitions.stream().map(t -> {
            String plain = Views.transition(t);
            int space = plain.indexOf(' ');
            return plain.substring(0, space) + "#" + t.seq() + plain.substring(space);
        }).toList();
    }

    /** Every event time, a microsecond either side of it, and the ends of time. */
    private static List<Timestamp> probeTimes(List<Event> events) {
        TreeSet<Long> micros = new TreeSet<>(List.of(Timestamp.MIN.micros(), Timestamp.MAX.micros()));
        for (Event event : events) {
            long t = event.timestamp().micros();
            micros.addAll(List.of(t - 1, t, t + 1));
        }
        return micros.stream().map(Timestamp::new).toList();
    }

    @Provide
    Arbitrary<List<Event>> arrivals() {
        return drafts().flatMap(drafts -> Arbitraries.longs().between(1, 3).list().ofSize(drafts.size())
                .map(gaps -> {
                    List<Event> events = new ArrayList<>();
                    long seq = 0;
                    for (int i = 0; i < drafts.size(); i++) {
                        seq += gaps.get(i);
                        events.add(drafts.get(i).stored(seq));
                    }
                    return events;
                }));
    }

    @Provide
    Arbitrary<List<Draft>> drafts() {
        return draft().list().ofMinSize(1).ofMaxSize(30);
    }

    private Arbitrary<Draft> draft() {
        // Few distinct seconds, so that equal timestamps are common; now and then a fraction of a second.
        Arbitrary<Long> micros = Arbitraries.frequencyOf(
                Tuple.of(9, Arbitraries.longs().between(0, 6).map(s -> BASE_MICROS + s * 1_000_000)),
                Tuple.of(1, Arbitraries.longs().between(0, 6_999_999).map(m -> BASE_MICROS + m)));
        Arbitrary<Optional<EventId>> id = Arbitraries.of("e1", "e2", "e3").map(EventId::new).optional(0.3);
        Arbitrary<Optional<JsonValue>> status = values().optional(0.7);
        Arbitrary<Optional<JsonValue>> order = Arbitraries.frequencyOf(
                Tuple.of(4, values().map(v -> obj("status", v))),
                Tuple.of(1, values().map(v -> obj("total", num(3), "status", v))),
                Tuple.of(1, Arbitraries.just(obj("total", num(3)))),
                Tuple.of(1, Arbitraries.of(NULL, str("order"), arr(str("status"))))).optional(0.7);
        Arbitrary<Optional<JsonValue>> list = values().list().ofMaxSize(3)
                .map(elements -> (JsonValue) new JsonValue.Arr(elements)).optional(0.5);
        Arbitrary<Optional<JsonValue>> slashed = values().optional(0.3);
        return Combinators.combine(micros, id, status, order, list, slashed).as((t, i, s, o, l, sl) -> {
            Map<String, JsonValue> members = new LinkedHashMap<>();
            o.ifPresent(v -> members.put("order", v));
            s.ifPresent(v -> members.put("status", v));
            l.ifPresent(v -> members.put("list", v));
            sl.ifPresent(v -> members.put("a/b", v));
            return new Draft(t, i, new JsonValue.Obj(members));
        });
    }

    /** Values that are equal without being identical ({@code 1} and {@code 1.0}, reordered objects), and null. */
    private static Arbitrary<JsonValue> values() {
        return Arbitraries.of(
                str("a"), str("b"), str("null"), str("1"),
                num("1"), num("1.0"), num("2"),
                NULL, TRUE, FALSE,
                obj("x", num(1), "y", num(2)), obj("y", num(2), "x", num("1.0")), obj("x", num(1)),
                arr(num(1), num(2)), arr(num(2), num(1)));
    }
}
