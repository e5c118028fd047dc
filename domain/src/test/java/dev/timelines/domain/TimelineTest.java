package dev.timelines.domain;

import static dev.timelines.domain.Json.NULL;
import static dev.timelines.domain.Json.num;
import static dev.timelines.domain.Json.obj;
import static dev.timelines.domain.Json.str;
import static dev.timelines.domain.TestEvents.KEY;
import static dev.timelines.domain.TestEvents.STATUS;
import static dev.timelines.domain.TestEvents.event;
import static dev.timelines.domain.TestEvents.seconds;
import static dev.timelines.domain.TestEvents.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The rules of docs/semantics.md one at a time, on small hand-made timelines. */
class TimelineTest {

    private static List<String> changes(Timeline timeline) {
        return Views.points(timeline.history(STATUS, HistoryMode.CHANGES));
    }

    private static List<String> all(Timeline timeline) {
        return Views.points(timeline.history(STATUS, HistoryMode.ALL));
    }

    @Test
    void aTimelineHasAtLeastOneEvent() {
        assertThrows(IllegalArgumentException.class, () -> new Timeline(KEY, List.of()));
    }

    @Test
    void eventsAreOrderedByTimestampThenSeq() {
        Timeline timeline = new Timeline(KEY, List.of(
                status(20, 1, "c"), status(10, 4, "b"), status(10, 2, "a"), status(5, 3, "z")));

        assertEquals(List.of(3L, 2L, 4L, 1L), timeline.events().stream().map(Event::seq).toList());
        assertEquals(3L, timeline.first().seq());
        assertEquals(1L, timeline.last().seq());
    }

    @Test
    void upToASeqKeepsTheEventsWrittenByThenWhateverTheirTimestamps() {
        Timeline timeline = new Timeline(KEY, List.of(
                status(20, 1, "c"), status(10, 4, "b"), status(10, 2, "a"), status(5, 3, "z")));

        assertEquals(List.of(3L, 2L, 1L), timeline.upToSeq(3).orElseThrow().events().stream().map(Event::seq)
                .toList());
        assertEquals(List.of("5 \"z\"", "10 \"a\"", "20 \"c\""), changes(timeline.upToSeq(3).orElseThrow()));
        assertTrue(timeline.upToSeq(4).orElseThrow() == timeline);
        assertEquals(Optional.empty(), timeline.upToSeq(0));
    }

    @Test
    void eventsLackingTheAttributeAreNoInformation() {
        Timeline timeline = new Timeline(KEY, List.of(
                status(1, 1, "a"), event(2, 2, obj("other", num(1))), status(3, 3, "a"), status(4, 4, "b")));

        assertEquals(List.of("1 \"a\"", "4 \"b\""), changes(timeline));
    }

    @Test
    void allViewCarriesThePreviousValueAcrossEventsLackingTheAttribute() {
        Timeline timeline = new Timeline(KEY, List.of(
                status(1, 1, "a"), event(2, 2, obj()), status(3, 3, "b"), event(4, 4, obj("x", NULL))));

        assertEquals(List.of("1 \"a\"", "2 \"a\"", "3 \"b\"", "4 \"b\""), all(timeline));
    }

    @Test
    void allViewLeavesOutEventsBeforeTheFirstPresence() {
        Timeline timeline = new Timeline(KEY, List.of(
                event(1, 1, obj()), event(2, 2, obj("other", str("a"))), status(3, 3, "a"), event(4, 4, obj())));

        assertEquals(List.of("3 \"a\"", "4 \"a\""), all(timeline));
    }

    @Test
    void explicitNullIsAValueOfItsOwn() {
        Timeline timeline = new Timeline(KEY, List.of(
                status(1, 1, "a"), status(2, 2, NULL), status(3, 3, NULL), status(4, 4, "a")));

        assertEquals(List.of("1 \"a\"", "2 null", "4 \"a\""), changes(timeline));
        assertEquals("null since 2", Views.state(timeline.stateAt(STATUS, seconds(3))));
    }

    @Test
    void aNullIsNotTheStringNull() {
        Timeline timeline = new Timeline(KEY, List.of(status(1, 1, NULL), status(2, 2, "null")));

        assertEquals(List.of("1 null", "2 \"null\""), changes(timeline));
    }

    @Test
    void numbersEqualInValueAreNoChange() {
        Timeline timeline = new Timeline(KEY, List.of(
                status(1, 1, num("1")), status(2, 2, num("1.0")), status(3, 3, num("1E+0")), status(4, 4, num(2))));

        assertEquals(List.of("1 1", "4 2"), changes(timeline));
        assertEquals(List.of("1 1", "2 1.0", "3 1", "4 2"), all(timeline));
    }

    @Test
    void objectsDifferingOnlyInMemberOrderAreNoChange() {
        Timeline timeline = new Timeline(KEY, List.of(
                status(1, 1, obj("a", num(1), "b", num(2))),
                status(2, 2, obj("b", num(2), "a", num("1.00"))),
                status(3, 3, obj("a", num(1), "b", num(3)))));

        assertEquals(List.of("1 {\"a\":1,\"b\":2}", "3 {\"a\":1,\"b\":3}"), changes(timeline));
    }

    @Test
    void arraysInAnotherOrderAreAChange() {
        Timeline timeline = new Timeline(KEY, List.of(
                status(1, 1, Json.arr(num(1), num(2))), status(2, 2, Json.arr(num(2), num(1)))));

        assertEquals(List.of("1 [1,2]", "2 [2,1]"), changes(timeline));
    }

    @Test
    void aPointerAttributeFollowsNestedValues() {
        Attribute nested = new Attribute("/order/status");
        Timeline timeline = new Timeline(KEY, List.of(
                event(1, 1, obj("order", obj("status", str("paid")))),
                event(2, 2, obj("order", obj("total", num(3)))),
                event(3, 3, obj("status", str("paid"))),
                event(4, 4, obj("order", obj("status", str("on_hold"))))));

        assertEquals(List.of("1 \"paid\"", "4 \"on_hold\""), Views.points(timeline.changePoints(nested)));
        assertEquals(List.of("3 \"paid\""), changes(timeline));
    }

    @Test
    void aTimelineWithoutTheAttributeHasNoHistoryNoTransitionsAndNoState() {
        Timeline timeline = new Timeline(KEY, List.of(event(1, 1, obj("other", str("a")))));

        assertEquals(List.of(), changes(timeline));
        assertEquals(List.of(), all(timeline));
        assertEquals(List.of(), timeline.transitions(STATUS));
        assertEquals("none", Views.state(timeline.stateAt(STATUS, Timestamp.MAX)));
    }

    @Test
    void equalTimestampsKeepArrivalOrder() {
        Timeline timeline = new Timeline(KEY, List.of(status(5, 9, "c"), status(5, 3, "a"), status(5, 6, "b")));

        assertEquals(List.of("5 \"a\"", "5 \"b\"", "5 \"c\""), changes(timeline));
        assertEquals(List.of("5 entry -> \"a\" (0)", "5 \"a\" -> \"b\" (0)", "5 \"b\" -> \"c\" (0)"),
                Views.transitions(timeline.transitions(STATUS)));
    }

    @Test
    void stateAtATieTakesTheHighestSeq() {
        Timeline timeline = new Timeline(KEY, List.of(status(1, 1, "a"), status(5, 7, "c"), status(5, 4, "b")));

        assertEquals("\"c\" since 5", Views.state(timeline.stateAt(STATUS, seconds(5))));
        assertEquals("\"a\" since 1", Views.state(timeline.stateAt(STATUS, seconds(5).plusMicros(-1))));
    }

    @Test
    void aTieThatReturnsToTheValueHeldStartsANewState() {
        Timeline timeline = new Timeline(KEY, List.of(status(1, 1, "a"), status(5, 2, "b"), status(5, 3, "a")));

        assertEquals("\"a\" since 5", Views.state(timeline.stateAt(STATUS, seconds(6))));
    }

    @Test
    void transitionDurationIsTheTimeSpentInFrom() {
        Timeline timeline = new Timeline(KEY, List.of(
                event(0, 1, obj("status", str("a"))),
                new Event(new Timestamp(2_500_000), 2, TestEvents.RECEIVED, Optional.empty(),
                        obj("status", str("b")))));

        Transition transition = timeline.transitions(STATUS).get(1);
        assertEquals(2_500_000, transition.durationMicros());
        assertEquals(0, timeline.transitions(STATUS).get(0).durationMicros());
        assertTrue(timeline.transitions(STATUS).get(0).isEntry());
    }

    @Test
    void attributeNamesAreTheTopLevelKeysInCodePointOrder() {
        String emoji = "\uD83D\uDE00";
        Timeline timeline = new Timeline(KEY, List.of(
                event(1, 1, obj("b", num(1), emoji, num(1))),
                event(2, 2, obj("\uE000", num(1), "order", obj("status", str("x")))),
                event(3, 3, obj("a", NULL, "b", num(2)))));

        assertEquals(List.of("a", "b", "order", "\uE000", emoji), List.copyOf(timeline.attributeNames()));
    }
}
