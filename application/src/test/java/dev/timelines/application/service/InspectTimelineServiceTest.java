package dev.timelines.application.service;

import static dev.timelines.application.port.out.StoreFixtures.STATUS;
import static dev.timelines.application.port.out.StoreFixtures.event;
import static dev.timelines.application.port.out.StoreFixtures.key;
import static dev.timelines.application.port.out.StoreFixtures.num;
import static dev.timelines.application.port.out.StoreFixtures.obj;
import static dev.timelines.application.port.out.StoreFixtures.points;
import static dev.timelines.application.port.out.StoreFixtures.render;
import static dev.timelines.application.port.out.StoreFixtures.seconds;
import static dev.timelines.application.port.out.StoreFixtures.state;
import static dev.timelines.application.port.out.StoreFixtures.status;
import static dev.timelines.application.port.out.StoreFixtures.str;
import static dev.timelines.application.port.out.StoreFixtures.time;
import static dev.timelines.application.port.out.StoreFixtures.transitions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.timelines.application.port.out.ReferenceStorage;
import dev.timelines.application.port.in.IngestEventsUseCase;
import dev.timelines.application.port.in.InspectTimelineUseCase;
import dev.timelines.application.port.in.Page;
import dev.timelines.application.port.in.PageRequest;
import dev.timelines.application.port.in.TimelineSummary;
import dev.timelines.domain.Timestamp;
import dev.timelines.domain.Attribute;
import dev.timelines.domain.Event;
import dev.timelines.domain.HistoryMode;
import dev.timelines.domain.IncomingEvent;
import dev.timelines.domain.TimelineKey;
import dev.timelines.domain.TimelineNotFoundException;
import dev.timelines.domain.Transition;
import dev.timelines.domain.Window;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Questions about one timeline, answered by the service over the reference storage. */
class InspectTimelineServiceTest {

    /** No "as known at": the store as it is. */
    private static final Optional<Timestamp> LATEST = Optional.empty();

    private static final TimelineKey T = key("t");
    private static final PageRequest ALL_ITEMS = PageRequest.EVERYTHING;

    private final ReferenceStorage store = new ReferenceStorage();
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
        return points(inspect.history(T, STATUS, mode, window, LATEST, ALL_ITEMS).items());
    }

    private List<String> transitionsIn(Window window, boolean entries) {
        return transitions(inspect.transitions(T, STATUS, window, entries, LATEST, ALL_ITEMS).items());
    }

    @Test
    void describeSummarisesTheTimeline() {
        given(event("t", seconds(30), obj("status", str("b"), "\uD83D\uDE00", num("1"))),
                event("t", seconds(10), obj("status", str("a"), "order", obj("status", str("x")))));
        given(event("t", seconds(20), obj("\uE000", num("1"))));

        TimelineSummary summary = inspect.describe(T, LATEST);

        assertEquals(T, summary.key());
        assertEquals(3, summary.events());
        assertEquals(seconds(10), summary.first());
        assertEquals(seconds(30), summary.last());
        assertEquals(List.of("order", "status", "\uE000", "\uD83D\uDE00"), summary.attributes());
    }

    @Test
    void asKnownAtAMomentOnlyTheEventsReceivedByThenCount() {
        store.append(List.of(status("t", 0, "paid"), status("t", 100, "on_hold")), seconds(1000));
        store.append(List.of(status("t", 50, "shipped")), seconds(2000));
        Optional<Timestamp> before = Optional.of(seconds(1500));

        assertEquals(List.of("\"paid\" -> \"on_hold\""), fromTo(inspect.transitions(T, STATUS, Window.ALL, false,
                before, ALL_ITEMS).items()));
        assertEquals(List.of("\"paid\" -> \"shipped\"", "\"shipped\" -> \"on_hold\""), fromTo(inspect.transitions(T,
                STATUS, Window.ALL, false, Optional.of(seconds(2000)), ALL_ITEMS).items()));
        assertEquals("\"paid\" since 0", state(inspect.state(T, STATUS, seconds(60), before)));
        assertEquals(2, inspect.describe(T, before).events());
        assertThrows(TimelineNotFoundException.class, () -> inspect.describe(T, Optional.of(seconds(999))));
    }

    private static List<String> fromTo(List<Transition> transitions) {
        return transitions.stream().map(t -> render(t.from().orElseThrow()) + " -> " + render(t.to())).toList();
    }

    @Test
    void everyQuestionAboutAnUnknownTimelineIsNotFound() {
        given(status("other", 10, "a"));
        List<Executable> questions = List.of(
                () -> inspect.describe(T, LATEST),
                () -> inspect.events(T, Window.ALL, LATEST, ALL_ITEMS),
                () -> inspect.history(T, STATUS, HistoryMode.CHANGES, Window.ALL, LATEST, ALL_ITEMS),
                () -> inspect.transitions(T, STATUS, Window.ALL, true, LATEST, ALL_ITEMS),
                () -> inspect.state(T, STATUS, seconds(10), LATEST));
        for (Executable question : questions) {
            assertEquals(T, assertThrows(TimelineNotFoundException.class, question).key());
        }
    }

    @Test
    void eventsComeInTimelineOrderInsideTheHalfOpenWindow() {
        givenATimelineGoingFromAToBToC();

        Page<Event> page = inspect.events(T, window(20, 45), LATEST, ALL_ITEMS);

        assertEquals(List.of("20", "30", "40"), page.items().stream().map(e -> time(e.timestamp())).toList());
        assertEquals(Optional.empty(), page.next());
        assertEquals(6, inspect.events(T, Window.ALL, LATEST, ALL_ITEMS).items().size());
        assertEquals(List.of(), inspect.events(T, window(20, 20), LATEST, ALL_ITEMS).items());
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

        assertEquals(List.of(), inspect.history(T, new Attribute("/order/status"), HistoryMode.ALL, Window.ALL,LATEST, 
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

        assertEquals("none", state(inspect.state(T, STATUS, seconds(9), LATEST)));
        assertEquals("\"a\" since 10", state(inspect.state(T, STATUS, seconds(29), LATEST)));
        assertEquals("\"b\" since 30", state(inspect.state(T, STATUS, seconds(45), LATEST)));
        assertEquals("\"c\" since 50", state(inspect.state(T, STATUS, seconds(5000), LATEST)));
        assertEquals("none", state(inspect.state(T, new Attribute("missing"), seconds(5000), LATEST)));
    }

    @Test
    void aLateEventChangesTheHistoryAsIfItHadArrivedInOrder() {
        given(status("t", 10, "a"), status("t", 30, "c"));
        assertEquals(List.of("t 30 \"a\" -> \"c\" (20000000)"), transitionsIn(Window.ALL, false));

        given(status("t", 20, "b"));

        assertEquals(List.of("t 20 \"a\" -> \"b\" (10000000)", "t 30 \"b\" -> \"c\" (10000000)"),
                transitionsIn(Window.ALL, false));
        assertEquals("\"b\" since 20", state(inspect.state(T, STATUS, seconds(25), LATEST)));
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
