package dev.timelines.application.service;

import static dev.timelines.application.port.out.StoreFixtures.STATUS;
import static dev.timelines.application.port.out.StoreFixtures.key;
import static dev.timelines.application.port.out.StoreFixtures.seconds;
import static dev.timelines.application.port.out.StoreFixtures.status;
import static dev.timelines.application.port.out.StoreFixtures.time;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.timelines.application.port.out.ReferenceStorage;
import dev.timelines.application.port.in.IngestEventsUseCase;
import dev.timelines.application.port.in.InspectTimelineUseCase;
import dev.timelines.application.port.in.InvalidCursorException;
import dev.timelines.application.port.in.Page;
import dev.timelines.application.port.in.PageRequest;
import dev.timelines.domain.Timestamp;
import dev.timelines.domain.Event;
import dev.timelines.domain.HistoryMode;
import dev.timelines.domain.HistoryPoint;
import dev.timelines.domain.IncomingEvent;
import dev.timelines.domain.TimelineKey;
import dev.timelines.domain.Transition;
import dev.timelines.domain.Window;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Lists of one timeline in pages: cursors resume after a place in timeline order, whatever arrives meanwhile. */
class TimelinePagingTest {

    /** No "as known at": the store as it is. */
    private static final Optional<Timestamp> LATEST = Optional.empty();

    private static final TimelineKey T = key("t");

    private final ReferenceStorage store = new ReferenceStorage();
    private final IngestEventsUseCase ingest = new IngestEventsService(store, Clock.systemUTC());
    private final InspectTimelineUseCase inspect = new InspectTimelineService(store);

    private void given(IncomingEvent... events) {
        ingest.ingest(List.of(events));
    }

    /** Seven events, three of them at second 20, with a status changing at most events. */
    private void givenSevenEvents() {
        given(status("t", 40, "c"), status("t", 20, "a"), status("t", 10, "a"));
        given(status("t", 20, "b"), status("t", 50, "c"), status("t", 20, "a"), status("t", 30, "d"));
    }

    private static PageRequest first(int limit) {
        return new PageRequest(limit, Optional.empty());
    }

    private static PageRequest after(Page<?> page, int limit) {
        return new PageRequest(limit, Optional.of(page.next().orElseThrow()));
    }

    /** Follows the cursors from the first page to the last. */
    private static <T> List<T> allPages(Function<PageRequest, Page<T>> list, int limit) {
        List<T> items = new ArrayList<>();
        Page<T> page = list.apply(first(limit));
        items.addAll(page.items());
        for (int guard = 0; page.next().isPresent(); guard++) {
            assertTrue(guard < 100, "paging does not end");
            assertEquals(limit, page.items().size(), "only the last page is short");
            page = list.apply(after(page, limit));
            items.addAll(page.items());
        }
        return items;
    }

    private List<String> eventTimes(List<Event> events) {
        return events.stream().map(e -> time(e.timestamp()) + "#" + e.seq()).toList();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 6, 7, 8, 100})
    void pagesOfEventsConcatenateToTheFullList(int limit) {
        givenSevenEvents();
        List<Event> everything = inspect.events(T, Window.ALL, LATEST, PageRequest.EVERYTHING).items();

        assertEquals(7, everything.size());
        assertEquals(eventTimes(everything), eventTimes(allPages(p -> inspect.events(T, Window.ALL, LATEST, p), limit)));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 7})
    void pagesOfHistoryConcatenateToTheFullList(int limit) {
        givenSevenEvents();
        for (HistoryMode mode : HistoryMode.values()) {
            List<HistoryPoint> everything = inspect.history(T, STATUS, mode, Window.ALL, LATEST, PageRequest.EVERYTHING)
                    .items();
            assertEquals(everything, allPages(p -> inspect.history(T, STATUS, mode, Window.ALL, LATEST, p), limit));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 4, 5})
    void pagesOfTransitionsConcatenateToTheFullList(int limit) {
        givenSevenEvents();
        for (boolean entries : new boolean[] {false, true}) {
            List<Transition> everything = inspect.transitions(T, STATUS, Window.ALL, entries,LATEST, 
                    PageRequest.EVERYTHING).items();
            assertEquals(everything, allPages(p -> inspect.transitions(T, STATUS, Window.ALL, entries, LATEST, p), limit));
        }
    }

    @Test
    void pagesInAWindowStayInTheWindow() {
        givenSevenEvents();
        Window window = Window.between(seconds(20), seconds(40));

        assertEquals(List.of("20", "20", "20", "30"),
                allPages(p -> inspect.events(T, window, LATEST, p), 3).stream().map(e -> time(e.timestamp())).toList());
    }

    @Test
    void aFullLastPageHasNoCursor() {
        givenSevenEvents();

        Page<Event> page = inspect.events(T, Window.ALL, LATEST, first(7));

        assertEquals(7, page.items().size());
        assertEquals(Optional.empty(), page.next());
    }

    @Test
    void aCursorResumesAfterTiedTimestamps() {
        givenSevenEvents();

        Page<Event> firstPage = inspect.events(T, Window.ALL, LATEST, first(2));
        Page<Event> secondPage = inspect.events(T, Window.ALL, LATEST, after(firstPage, 2));

        assertEquals(List.of("10", "20"), firstPage.items().stream().map(e -> time(e.timestamp())).toList());
        assertEquals(List.of("20", "20"), secondPage.items().stream().map(e -> time(e.timestamp())).toList());
        assertTrue(firstPage.items().get(1).seq() < secondPage.items().get(0).seq());
    }

    @Test
    void aCursorStaysValidWhenLateEventsArriveBeforeIt() {
        given(status("t", 10, "a"), status("t", 20, "b"), status("t", 30, "c"), status("t", 40, "d"));
        Page<Event> firstPage = inspect.events(T, Window.ALL, LATEST, first(2));

        given(status("t", 5, "late"), status("t", 15, "late"));
        Page<Event> secondPage = inspect.events(T, Window.ALL, LATEST, after(firstPage, 2));

        assertEquals(List.of("30", "40"), secondPage.items().stream().map(e -> time(e.timestamp())).toList());
        assertEquals(Optional.empty(), secondPage.next());
    }

    @Test
    void aCursorStaysValidWhenLateEventsArriveAfterIt() {
        given(status("t", 10, "a"), status("t", 20, "b"), status("t", 30, "c"), status("t", 40, "d"));
        Page<Event> firstPage = inspect.events(T, Window.ALL, LATEST, first(2));

        given(status("t", 35, "late"), status("t", 20, "tied"));

        assertEquals(List.of("20", "30", "35", "40"),
                allPagesAfter(firstPage).stream().map(e -> time(e.timestamp())).toList());
    }

    private List<Event> allPagesAfter(Page<Event> page) {
        List<Event> items = new ArrayList<>();
        while (page.next().isPresent()) {
            page = inspect.events(T, Window.ALL, LATEST, after(page, 2));
            items.addAll(page.items());
        }
        return items;
    }

    @Test
    void aTransitionCursorStaysValidWhenALateEventChangesEarlierTransitions() {
        given(status("t", 10, "a"), status("t", 20, "b"), status("t", 30, "c"), status("t", 40, "d"));
        Page<Transition> firstPage = inspect.transitions(T, STATUS, Window.ALL, false, LATEST, first(1));

        given(status("t", 15, "x"));
        Page<Transition> rest = inspect.transitions(T, STATUS, Window.ALL, false, LATEST, after(firstPage, 10));

        assertEquals(List.of("30", "40"), rest.items().stream().map(t -> time(t.at())).toList());
    }

    @Test
    void aCursorPastTheEndGivesAnEmptyLastPage() {
        given(status("t", 10, "a"), status("t", 20, "b"), status("t", 30, "c"));
        Page<Event> firstPage = inspect.events(T, Window.ALL, LATEST, first(2));
        new DeleteTimelineService(store).delete(T);
        given(status("t", 10, "a"));

        Page<Event> next = inspect.events(T, Window.ALL, LATEST, after(firstPage, 2));

        assertEquals(List.of(), next.items());
        assertFalse(next.next().isPresent());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "garbage", "!!!", "dDE6", "t1:1:2", "eyJhIjoxfQ"})
    void aCursorTheServiceDidNotIssueIsInvalid(String cursor) {
        assertInvalidEverywhere(cursor);
    }

    @ParameterizedTest
    @ValueSource(strings = {"t1:x:1", "t1:1", "t1:1:2:3", "t2:1:2", "t1:1:", "t1::1", "t1:99999999999999999999:1"})
    void aWellEncodedCursorWithTheWrongContentIsInvalid(String plain) {
        assertInvalidEverywhere(Base64.getUrlEncoder().withoutPadding()
                .encodeToString(plain.getBytes(StandardCharsets.UTF_8)));
    }

    private void assertInvalidEverywhere(String cursor) {
        given(status("t", 10, "a"), status("t", 20, "b"));
        PageRequest request = new PageRequest(1, Optional.of(cursor));

        assertThrows(InvalidCursorException.class, () -> inspect.events(T, Window.ALL, LATEST, request));
        assertThrows(InvalidCursorException.class,
                () -> inspect.history(T, STATUS, HistoryMode.ALL, Window.ALL, LATEST, request));
        assertThrows(InvalidCursorException.class, () -> inspect.transitions(T, STATUS, Window.ALL, true, LATEST, request));
    }
}
