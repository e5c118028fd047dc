package dev.timelines.domain;

import static dev.timelines.domain.TestEvents.KEY;
import static dev.timelines.domain.TestEvents.STATUS;
import static dev.timelines.domain.TestEvents.seconds;
import static dev.timelines.domain.TestEvents.status;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The example of docs/semantics.md: start, wait, wait, end. */
class SeedExampleTest {

    private final Timeline seed = new Timeline(KEY, List.of(
            status(1680945987, 1, "start"),
            status(1680945989, 2, "wait"),
            status(1680946010, 3, "wait"),
            status(1680946015, 4, "end")));

    @Test
    void allViewHasOnePointPerEvent() {
        assertEquals(List.of("1680945987 \"start\"", "1680945989 \"wait\"", "1680946010 \"wait\"", "1680946015 \"end\""),
                Views.points(seed.history(STATUS, HistoryMode.ALL)));
    }

    @Test
    void changesViewDropsTheRepeatedWait() {
        assertEquals(List.of("1680945987 \"start\"", "1680945989 \"wait\"", "1680946015 \"end\""),
                Views.points(seed.history(STATUS, HistoryMode.CHANGES)));
        assertEquals(seed.history(STATUS, HistoryMode.CHANGES), seed.changePoints(STATUS));
    }

    @Test
    void transitionsLinkConsecutiveChangePointsAfterAnEntry() {
        assertEquals(List.of(
                        "1680945987 entry -> \"start\" (0)",
                        "1680945989 \"start\" -> \"wait\" (2000000)",
                        "1680946015 \"wait\" -> \"end\" (26000000)"),
                Views.transitions(seed.transitions(STATUS)));
    }

    @Test
    void transitionsCarryTheTimelineAndTheSeqOfTheirChangePoint() {
        List<Transition> transitions = seed.transitions(STATUS);
        assertEquals(List.of(KEY, KEY, KEY), transitions.stream().map(Transition::timeline).toList());
        assertEquals(List.of(1L, 2L, 4L), transitions.stream().map(Transition::seq).toList());
    }

    @Test
    void thereIsNoStateBeforeTheFirstChangePoint() {
        assertEquals("none", Views.state(seed.stateAt(STATUS, seconds(1680945986))));
        assertEquals("none", Views.state(seed.stateAt(STATUS, seconds(1680945987).plusMicros(-1))));
    }

    @Test
    void stateHoldsFromItsChangePointUntilTheNext() {
        assertEquals("\"start\" since 1680945987", Views.state(seed.stateAt(STATUS, seconds(1680945987))));
        assertEquals("\"start\" since 1680945987",
                Views.state(seed.stateAt(STATUS, seconds(1680945989).plusMicros(-1))));
        assertEquals("\"wait\" since 1680945989", Views.state(seed.stateAt(STATUS, seconds(1680945989))));
    }

    @Test
    void stateSinceIsTheChangePointNotALaterRepeat() {
        assertEquals("\"wait\" since 1680945989", Views.state(seed.stateAt(STATUS, seconds(1680946010))));
        assertEquals("\"wait\" since 1680945989", Views.state(seed.stateAt(STATUS, seconds(1680946012))));
    }

    @Test
    void theLastStateHoldsIndefinitely() {
        assertEquals("\"end\" since 1680946015", Views.state(seed.stateAt(STATUS, seconds(1680946015))));
        assertEquals("\"end\" since 1680946015", Views.state(seed.stateAt(STATUS, Timestamp.MAX)));
    }

    @Test
    void outOfOrderArrivalGivesTheSortedAnswer() {
        Timeline late = new Timeline(KEY, List.of(
                status(1680946015, 1, "end"),
                status(1680945989, 2, "wait"),
                status(1680945987, 3, "start"),
                status(1680946010, 4, "wait")));

        assertEquals(Views.points(seed.history(STATUS, HistoryMode.ALL)),
                Views.points(late.history(STATUS, HistoryMode.ALL)));
        assertEquals(Views.points(seed.history(STATUS, HistoryMode.CHANGES)),
                Views.points(late.history(STATUS, HistoryMode.CHANGES)));
        assertEquals(Views.transitions(seed.transitions(STATUS)), Views.transitions(late.transitions(STATUS)));
        assertEquals("\"wait\" since 1680945989", Views.state(late.stateAt(STATUS, seconds(1680946012))));
    }
}
