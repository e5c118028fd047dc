package dev.timelines.application.service;

import static dev.timelines.application.port.out.StoreFixtures.STATUS;
import static dev.timelines.application.port.out.StoreFixtures.key;
import static dev.timelines.application.port.out.StoreFixtures.status;
import static dev.timelines.application.port.out.StoreFixtures.str;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.timelines.application.model.TransitionChange;
import dev.timelines.application.port.in.InvalidPositionException;
import dev.timelines.application.port.in.PositionGoneException;
import dev.timelines.application.port.in.StreamPosition;
import dev.timelines.application.port.in.WatchTransitionsUseCase.Message;
import dev.timelines.application.port.in.WatchTransitionsUseCase.Watch;
import dev.timelines.application.port.out.ReferenceStorage;
import dev.timelines.domain.JsonValue;
import dev.timelines.domain.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The stream read from the change feed: the messages of a late event and a deletion, positions, their limits. */
class TransitionStreamServiceTest {

    private static final Timestamp RECEIVED = new Timestamp(1_700_000_000_000_000L);
    private static final int RETAINED = 4;

    private final ReferenceStorage store = new ReferenceStorage();
    private final ChangeFeed feed = new ChangeFeed(7, RETAINED, Duration.ofHours(1));
    private final ChangeRecordingLog log = new ChangeRecordingLog(store, store, feed);
    private final TransitionStreamService streams = new TransitionStreamService(feed);

    @Test
    void writesWhileNoStreamWatchesAreNotRecordedAndThePositionsBeforeThemAreGone() {
        ChangeFeed idle = new ChangeFeed(7, RETAINED, Duration.ZERO);
        ChangeRecordingLog idleLog = new ChangeRecordingLog(store, store, idle);
        TransitionStreamService idleStreams = new TransitionStreamService(idle);
        Watch stale = idleStreams.watch(STATUS, Optional.empty(), Optional.empty(), false, Optional.empty());

        idleLog.append(List.of(status("o", 0, "paid"), status("o", 100, "shipped")), RECEIVED);

        assertEquals(2, store.timeline(key("o")).orElseThrow().events().size(), "the write itself is done");
        assertThrows(PositionGoneException.class, () -> stale.next(10));
        Watch listening = idleStreams.watch(STATUS, Optional.empty(), Optional.empty(), false, Optional.empty());
        Runnable stop = listening.listen(() -> { });
        idleLog.append(List.of(status("o", 40, "on_hold")), RECEIVED);
        stop.run();
        assertEquals(List.of("retraction paid->shipped@100", "transition paid->on_hold@40",
                "transition on_hold->shipped@100"), shown(listening.next(10)));
    }

    @Test
    void aLateEventRetractsTheTransitionItSplitsAndAddsBothHalves() {
        Watch watch = streams.watch(STATUS, Optional.empty(), Optional.empty(), false, Optional.empty());
        log.append(List.of(status("o", 0, "paid"), status("o", 100, "shipped")), RECEIVED);
        log.append(List.of(status("o", 40, "on_hold")), RECEIVED);

        assertEquals(List.of("transition paid->shipped@100", "retraction paid->shipped@100",
                "transition paid->on_hold@40", "transition on_hold->shipped@100"), shown(watch.next(10)));
    }

    @Test
    void aDeletionRetractsEveryTransitionOfTheTimelineAndNothingElseIsSent() {
        log.append(List.of(status("o", 0, "paid"), status("o", 10, "shipped"), status("p", 0, "paid")), RECEIVED);
        Watch watch = streams.watch(STATUS, Optional.of(str("paid")), Optional.empty(), true, Optional.empty());
        // A repeated value changes no transition: nothing to send.
        log.append(List.of(status("p", 5, "paid")), RECEIVED);
        log.delete(key("o"));

        assertEquals(List.of("retraction paid->shipped@10"), shown(watch.next(10)));
    }

    @Test
    void resumingAfterAMessageSendsExactlyTheOnesThatFollowedIt() {
        Watch first = streams.watch(STATUS, Optional.empty(), Optional.empty(), true, Optional.empty());
        log.append(List.of(status("o", 0, "a"), status("o", 1, "b"), status("o", 2, "c")), RECEIVED);
        List<Message> all = first.next(10);
        assertEquals(3, all.size());

        Watch resumed = streams.watch(STATUS, Optional.empty(), Optional.empty(), true,
                Optional.of(StreamPosition.parse(all.get(0).position().token())));
        assertEquals(all.subList(1, 3), resumed.next(10));
        assertEquals(List.of(), resumed.next(10));
    }

    @Test
    void aWatchTakesAtMostTheLimitAndGoesOnFromThere() {
        Watch watch = streams.watch(STATUS, Optional.empty(), Optional.empty(), true, Optional.empty());
        log.append(List.of(status("o", 0, "a"), status("o", 1, "b"), status("o", 2, "c")), RECEIVED);

        assertEquals(2, watch.next(2).size());
        assertEquals(List.of("transition b->c@2"), shown(watch.next(2)));
    }

    @Test
    void listenersHearOfEachDurableWriteOnly() {
        AtomicInteger heard = new AtomicInteger();
        feed.listen(heard::incrementAndGet);
        log.append(List.of(status("o", 0, "a")), RECEIVED);
        log.delete(key("nobody"));

        assertEquals(1, heard.get());
    }

    @Test
    void positionsBeforeTheRetainedChangesOrOfAnotherFeedAreGoneAndOnesNeverIssuedInvalid() {
        StreamPosition start = feed.current();
        for (int i = 0; i <= RETAINED; i++) {
            log.append(List.of(status("o", i, "v" + i)), RECEIVED);
        }
        Optional<StreamPosition> fresh = Optional.of(start);
        assertThrows(PositionGoneException.class,
                () -> streams.watch(STATUS, Optional.empty(), Optional.empty(), true, fresh));
        assertThrows(PositionGoneException.class, () -> streams.watch(STATUS, Optional.empty(), Optional.empty(),
                true, Optional.of(new StreamPosition(8, 1, 0))));
        assertThrows(InvalidPositionException.class, () -> streams.watch(STATUS, Optional.empty(), Optional.empty(),
                true, Optional.of(new StreamPosition(7, 1000, 0))));
        assertThrows(InvalidPositionException.class, () -> StreamPosition.parse("7-x"));
    }

    private static List<String> shown(List<Message> messages) {
        return messages.stream().map(message -> {
            TransitionChange change = message.change();
            return change.kind().name().toLowerCase(Locale.ROOT) + " "
                    + change.transition().from().map(from -> ((JsonValue.Str) from).value()
                            + "->").orElse("")
                    + ((JsonValue.Str) change.transition().to()).value() + "@"
                    + change.transition().at().micros() / 1_000_000;
        }).toList();
    }
}
