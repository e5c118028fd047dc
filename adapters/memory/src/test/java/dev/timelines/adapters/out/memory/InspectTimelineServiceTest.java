package dev.timelines.adapters.out.memory;

import static dev.timelines.application.port.out.StoreFixtures.STATUS;
import static dev.timelines.application.port.out.StoreFixtures.event;
import static dev.timelines.application.port.out.StoreFixtures.key;
import static dev.timelines.application.port.out.StoreFixtures.num;
import static dev.timelines.application.port.out.StoreFixtures.obj;
import static dev.timelines.application.port.out.StoreFixtures.points;
import static dev.timelines.application.port.out.StoreFixtures.seconds;
import static dev.timelines.application.port.out.StoreFixtures.state;
import static dev.timelines.application.port.out.StoreFixtures.status;
import static dev.timelines.application.port.out.StoreFixtures.str;
import static dev.timelines.application.port.out.StoreFixtures.time;
import static dev.timelines.application.port.out.StoreFixtures.transitions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.timelines.application.port.in.IngestEventsUseCase;
import dev.timelines.application.port.in.InspectTimelineUseCase;
import dev.timelines.application.port.in.Page;
import dev.timelines.application.port.in.PageRequest;
import dev.timelines.application.port.in.TimelineSummary;
import dev.timelines.application.service.IngestEventsService;
import dev.timelines.application.service.InspectTimelineService;
import dev.timelines.domain.Attribute;
import dev.timelines.domain.Event;
import dev.timelines.domain.HistoryMode;
import dev.timelines.domain.IncomingEvent;
import dev.timelines.domain.TimelineKey;
import dev.timelines.domain.TimelineNotFoundException;
import dev.timelines.domain.Window;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Questions about one timeline, answered by the service over the real in-memory store. */
class InspectTimelineServiceTest {

    private static final TimelineKey T = key("t");
    private static final PageRequest ALL_ITEMS = PageRequest.EVERYTHING;

    private final InMemoryEventStore store = new InMemoryEventStore();
    private final IngestEventsUseCase ingest = new IngestEventsService(store, Clock.systemUTC());
    private final InspectTimelineUseCase inspect = new InspectTimelineService(store);

    private void given(IncomingEvent... events) {
        ingest.ingest(List.of(events));
    }

    /** a@10, a@20, b@30, b@40, no status@45, c@50 */
    private void givenATimelineGoingFromAToBToC() {
        given(status("t", 30, "b"), status("t", 10, "a"), status("t", 50, "c"));
        given(status("t", 20, "a"), event("t", seconds(45), obj("other", num("1"))), status("t", 40, "b"));
    }

    private static Window window(long since, long until) {
        return Window.between(seconds(since), seconds(until));
    }

    private List<String> history(HistoryMode mode, Window window) {
        return points(inspect.history(T, STATUS, mode, window, ALL_ITEMS).items());
    }

    private List<String> transitionsIn(Window window, boolean entries) {
        return transitions(inspect.transitions(T, STATUS, window, entries, ALL_ITEMS).items());
    }

    @Test
    void describeSummarisesTheTimeline() {
        given(event("t", seconds(30), obj("status", str("b"), "\uD83D\uDE00", num("1"))),
                event("t", seconds(10), obj("status", str("a"), "order", obj("status", str("x")))));
        given(event("t", seconds(20), obj("\uE000", num("1"))));

        TimelineSummary summary = inspect.describe(T);

        assertEquals(T, summary.key());
        assertEquals(3, summary.events());
        assertEquals(seconds(10), summary.first());
        assertEquals(seconds(30), summary.last());
        assertEquals(List.of("order", "status", "\uE000", "\uD83D\uDE00"), summary.attributes());
    }

    @Test
    void everyQuestionAboutAnUnknownTimelineIsNotFound() {
        given(status("other", 10, "a"));
        List<Executable> questions = List.of(
                () -> inspect.describe(T),
                () -> inspect.events(T, Window.ALL, ALL_ITEMS),
                () -> inspect.history(T, STATUS, HistoryMode.CHANGES, Window.ALL, ALL_ITEMS),
                () -> inspect.transitions(T, STATUS, Window.ALL, true, ALL_ITEMS),
                () -> inspect.state(T, STATUS, seconds(10)));
        for (Executable question : questions) {
            assertEquals(T, assertThrows(TimelineNotFoundException.class, question).key());
        }
    }

    @Test
    void eventsComeInTimelineOrderInsideTheHalfOpenWindow() {
        givenATimelineGoingFromAToBToC();

        Page<Event> page = inspect.events(T, window(20, 45), ALL_ITEMS);

        assertEquals(List.of("20", "30", "40"), page.items().stream().map(e -> time(e.timestamp())).toList());
        assertEquals(Optional.empty(), page.next());
        assertEquals(6, inspect.events(T, Window.ALL, ALL_ITEMS).items().size());
        assertEquals(List.of(), inspect.events(T, window(20, 20), ALL_ITEMS).items());
    }

    @Test
    void historyIsComputedOverTheWholeTimelineThenCutToTheWindow() {
        givenATimelineGoingFromAToBToC();

        assertEquals(List.of("30 \"b\""), history(HistoryMode.CHANGES, window(20, 50)));
        assertEquals(List.of("20 \"a\"", "30 \"b\"", "40 \"b\"", "45 \"b\""), history(HistoryMode.ALL, window(20, 50)));
        assertEquals(List.of("10 \"a\"", "30 \"b\"", "50 \"c\""), history(HistoryMode.CHANGES, Window.ALL));
    }

    @Test
    void historyOfAnAttributeTheTimelineNeverHadIsEmpty() {
        givenATimelineGoingFromAToBToC();

        assertEquals(List.of(), inspect.history(T, new Attribute("/order/status"), HistoryMode.ALL, Window.ALL,
                ALL_ITEMS).items());
    }

    @Test
    void transitionsAreThoseWhoseAtLiesInTheWindow() {
        givenATimelineGoingFromAToBToC();

        assertEquals(List.of("t 30 \"a\" -> \"b\" (20000000)"), transitionsIn(window(20, 50), false));
        assertEquals(List.of("t 30 \"a\" -> \"b\" (20000000)", "t 50 \"b\" -> \"c\" (20000000)"),
                transitionsIn(window(30, 51), false));
        assertEquals(List.of(), transitionsIn(window(31, 50), false));
    }

    @Test
    void entriesAreListedOnlyWhenAskedFor() {
        givenATimelineGoingFromAToBToC();

        assertEquals(List.of("t 30 \"a\" -> \"b\" (20000000)", "t 50 \"b\" -> \"c\" (20000000)"),
                transitionsIn(Window.ALL, false));
        assertEquals(List.of("t 10 entry -> \"a\" (0)", "t 30 \"a\" -> \"b\" (20000000)",
                "t 50 \"b\" -> \"c\" (20000000)"), transitionsIn(Window.ALL, true));
    }

    @Test
    void anEntryOutsideTheWindowIsNotListedEvenWhenAskedFor() {
        givenATimelineGoingFromAToBToC();

        assertEquals(List.of("t 30 \"a\" -> \"b\" (20000000)"), transitionsIn(window(11, 40), true));
    }

    @Test
    void stateIsTheValueOfTheLastChangePointAtOrBeforeTheMoment() {
        givenATimelineGoingFromAToBToC();

        assertEquals("none", state(inspect.state(T, STATUS, seconds(9))));
        assertEquals("\"a\" since 10", state(inspect.state(T, STATUS, seconds(29))));
        assertEquals("\"b\" since 30", state(inspect.state(T, STATUS, seconds(45))));
        assertEquals("\"c\" since 50", state(inspect.state(T, STATUS, seconds(5000))));
        assertEquals("none", state(inspect.state(T, new Attribute("missing"), seconds(5000))));
    }

    @Test
    void aLateEventChangesTheHistoryAsIfItHadArrivedInOrder() {
        given(status("t", 10, "a"), status("t", 30, "c"));
        assertEquals(List.of("t 30 \"a\" -> \"c\" (20000000)"), transitionsIn(Window.ALL, false));

        given(status("t", 20, "b"));

        assertEquals(List.of("t 20 \"a\" -> \"b\" (10000000)", "t 30 \"b\" -> \"c\" (10000000)"),
                transitionsIn(Window.ALL, false));
        assertEquals("\"b\" since 20", state(inspect.state(T, STATUS, seconds(25))));
    }

    @Test
    void aLateRepeatRemovesATransition() {
        given(status("t", 10, "a"), status("t", 30, "b"), status("t", 40, "a"));
        given(status("t", 35, "a"));

        assertEquals(List.of("t 30 \"a\" -> \"b\" (20000000)", "t 35 \"b\" -> \"a\" (5000000)"),
                transitionsIn(Window.ALL, false));
        assertEquals(List.of("10 \"a\"", "30 \"b\"", "35 \"a\""), history(HistoryMode.CHANGES, Window.ALL));
    }
}
