package dev.timelines.domain;

import static dev.timelines.domain.Json.str;
import static dev.timelines.domain.TestEvents.KEY;
import static dev.timelines.domain.TestEvents.event;
import static dev.timelines.domain.TestEvents.seconds;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link Condition#holdsAt} against the definition read off the raw events: an attribute's state at a point
 * {@code (t, seq)} is the value of the last event carrying it whose {@code (timestamp, seq) <= (t, seq)}.
 */
class ConditionPropertiesTest {

    private static final Attribute P = new Attribute("p");
    private static final Attribute Q = new Attribute("q");
    private static final Condition P_IS_X = new Condition(Map.of(P, str("x")));
    private static final Condition P_IS_X_AND_Q_IS_Y = new Condition(Map.of(P, str("x"), Q, str("y")));

    @Property(tries = 1000)
    void holdsAtEveryEventEqualsTheLastEventCarryingTheAttribute(@ForAll("events") List<Event> events) {
        Map<Attribute, List<Stay>> stays = staysOf(events);

        for (Event point : events) {
            long t = point.timestamp().micros();
            assertEquals(isLast(events, "p", "x", t, point.seq()),
                    P_IS_X.holdsAt(point.timestamp(), point.seq(), stays), "p=x at " + t + "/" + point.seq());
            assertEquals(isLast(events, "p", "x", t, point.seq()) && isLast(events, "q", "y", t, point.seq()),
                    P_IS_X_AND_Q_IS_Y.holdsAt(point.timestamp(), point.seq(), stays), "p=x,q=y at " + t);
        }
    }

    @Property(tries = 1000)
    void holdsAtAMomentEqualsTheLastEventAtOrBeforeIt(@ForAll("events") List<Event> events) {
        Map<Attribute, List<Stay>> stays = staysOf(events);

        for (long at = -1; at <= 11; at++) {
            long micros = seconds(at).micros();
            assertEquals(isLast(events, "p", "x", micros, Long.MAX_VALUE), P_IS_X.holdsAt(seconds(at), stays),
                    "p=x at " + at);
        }
    }

    private static Map<Attribute, List<Stay>> staysOf(List<Event> events) {
        Timeline timeline = new Timeline(KEY, events);
        return Map.of(P, timeline.stays(P), Q, timeline.stays(Q));
    }

    /** Brute force: of the events carrying {@code name} at or before (t, seq), the last one has {@code value}. */
    private static boolean isLast(List<Event> events, String name, String value, long t, long seq) {
        Event last = null;
        for (Event event : events) {
            long et = event.timestamp().micros();
            boolean atOrBefore = et < t || et == t && event.seq() <= seq;
            boolean later = last == null || et > last.timestamp().micros()
                    || et == last.timestamp().micros() && event.seq() > last.seq();
            if (event.data().members().containsKey(name) && atOrBefore && later) {
                last = event;
            }
        }
        return last != null && last.data().members().get(name).equals(str(value));
    }

    /** An event before it is stored: a timestamp in seconds, and p and q each "x", "y" or absent (""). */
    record Draft(long seconds, String p, String q) {

        Event stored(long seq) {
            Map<String, JsonValue> data = new LinkedHashMap<>();
            if (!p.isEmpty()) {
                data.put("p", str(p));
            }
            if (!q.isEmpty()) {
                data.put("q", str(q));
            }
            return event(seconds, seq, new JsonValue.Obj(data));
        }
    }

    /** Events at 0..10 s, many sharing a timestamp; seq is the arrival order. */
    @Provide
    Arbitrary<List<Event>> events() {
        Arbitrary<String> value = Arbitraries.of("x", "y", "");
        return Combinators.combine(Arbitraries.longs().between(0, 10), value, value).as(Draft::new)
                .list().ofMinSize(1).ofMaxSize(15).map(drafts -> {
                    List<Event> events = new ArrayList<>();
                    for (Draft draft : drafts) {
                        events.add(draft.stored(events.size() + 1));
                    }
                    return events;
                });
    }
}
