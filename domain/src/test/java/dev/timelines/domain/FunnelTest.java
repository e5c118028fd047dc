package dev.timelines.domain;

import static dev.timelines.domain.Json.str;
import static dev.timelines.domain.TestEvents.KEY;
import static dev.timelines.domain.TestEvents.STATUS;
import static dev.timelines.domain.TestEvents.seconds;
import static dev.timelines.domain.TestEvents.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The chain rule of funnels, on the change points {@code b@1, a@2, c@3, a@100, b@104, c@105}. */
class FunnelTest {

    private static final long SECOND = Timestamp.MICROS_PER_SECOND;

    private final List<Stay> entries = staysOf("b@1", "a@2", "c@3", "a@100", "b@104", "c@105");

    /** The stays of a status timeline written as {@code value@seconds}, seq in the order given. */
    private static List<Stay> staysOf(String... points) {
        List<Event> events = new ArrayList<>();
        for (String point : points) {
            String[] parts = point.split("@");
            events.add(status(Long.parseLong(parts[1]), events.size() + 1, parts[0]));
        }
        return new Timeline(KEY, events).stays(STATUS);
    }

    private static Funnel funnel(Optional<Long> withinSeconds, String... steps) {
        return new Funnel(List.of(steps).stream().map(Json::str).toList(), withinSeconds.map(s -> s * SECOND));
    }

    private static Funnel funnel(String... steps) {
        return funnel(Optional.empty(), steps);
    }

    /** The chain as {@code value@seconds}. */
    private static List<String> points(List<Stay> chain) {
        return chain.stream().map(s -> ((JsonValue.Str) s.value()).value() + "@" + s.since().micros() / SECOND)
                .toList();
    }

    /** The step durations in seconds: from each step's entry to the next one's. */
    private static List<Long> durations(List<Stay> chain) {
        return IntStream.range(1, chain.size())
                .mapToObj(i -> (chain.get(i).since().micros() - chain.get(i - 1).since().micros()) / SECOND).toList();
    }

    @Test
    void theLongestChainWinsOverAnEarlierShorterOne() {
        List<Stay> chain = funnel("a", "b", "c").chain(entries);

        assertEquals(List.of("a@2", "b@104", "c@105"), points(chain));
        assertEquals(List.of(102L, 1L), durations(chain));
    }

    @Test
    void withinCutsAChainTooLongFromItsFirstStep() {
        List<Stay> chain = funnel(Optional.of(50L), "a", "b", "c").chain(entries);

        assertEquals(List.of("a@100", "b@104", "c@105"), points(chain));
        assertEquals(List.of(4L, 1L), durations(chain));
    }

    @Test
    void withinCountsFromTheFirstStepToTheLastInclusively() {
        assertEquals(List.of("a@2", "b@104", "c@105"), points(funnel(Optional.of(103L), "a", "b", "c").chain(entries)));
        assertEquals(List.of("a@100", "b@104", "c@105"),
                points(funnel(Optional.of(102L), "a", "b", "c").chain(entries)));
    }

    @Test
    void onlyEntriesInTheWindowTakePart() {
        Window sinceThree = new Window(Optional.of(seconds(3)), Optional.empty());
        List<Stay> inWindow = entries.stream().filter(stay -> stay.enteredIn(sinceThree)).toList();

        assertEquals(List.of("a@100", "b@104", "c@105"), points(funnel("a", "b", "c").chain(inWindow)));
    }

    @Test
    void withoutAnEntryIntoTheFirstStepThereIsNoChain() {
        assertEquals(List.of(), funnel("d", "a").chain(entries));
        assertEquals(List.of(), funnel("a", "b").chain(List.of()));
    }

    @Test
    void aChainStopsAtTheFirstStepItCannotReach() {
        assertEquals(List.of("a@2", "b@104"), points(funnel("a", "b", "d", "c").chain(entries)));
    }

    @Test
    void aRepeatedStepNeedsAnotherEntry() {
        List<Stay> aba = staysOf("a@1", "b@2", "a@3");

        assertEquals(List.of("a@1", "b@2", "a@3"), points(funnel("a", "b", "a").chain(aba)));
        assertEquals(List.of("a@1", "a@3"), points(funnel("a", "a").chain(aba)));
        assertEquals(List.of("a@1"), points(funnel("a", "a").chain(staysOf("a@1", "b@2"))));
    }

    @Test
    void aFunnelHasTwoToSixteenSteps() {
        assertThrows(InvalidValueException.class, () -> new Funnel(List.of(str("a")), Optional.empty()));
        assertThrows(InvalidValueException.class,
                () -> new Funnel(Collections.nCopies(17, str("a")), Optional.empty()));
        assertEquals(2, new Funnel(Collections.nCopies(2, str("a")), Optional.empty()).steps().size());
        assertEquals(16, new Funnel(Collections.nCopies(16, str("a")), Optional.empty()).steps().size());
    }

    @Test
    void withinMayBeZeroButNotNegative() {
        assertThrows(InvalidValueException.class, () -> funnel(Optional.of(-1L), "a", "b"));
        assertEquals(List.of("a@2"), points(funnel(Optional.of(0L), "a", "b").chain(entries)));
    }
}
