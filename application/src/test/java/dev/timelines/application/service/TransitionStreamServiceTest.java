package dev.timelines.application.service;

import static dev.timelines.application.port.out.StoreFixtures.STATUS;
import static dev.timelines.application.port.out.StoreFixtures.key;
import static dev.timelines.application.port.out.StoreFixtures.obj;
import static dev.timelines.application.port.out.StoreFixtures.status;
import static dev.timelines.application.port.out.StoreFixtures.str;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.timelines.application.model.TransitionChange;
import dev.timelines.application.port.in.InvalidPositionException;
import dev.timelines.application.port.in.PositionGoneException;
import dev.timelines.application.port.in.StreamPosition;
import dev.timelines.application.port.in.WatchTransitionsUseCase.Message;
import dev.timelines.application.port.in.WatchTransitionsUseCase.Watch;
import dev.timelines.application.port.out.HistoryGoneException;
import dev.timelines.application.port.out.ReferenceStorage;
import dev.timelines.application.port.out.StoreHistory;
import dev.timelines.domain.Event;
import dev.timelines.domain.JsonValue;
import dev.timelines.domain.Timeline;
import dev.timelines.domain.TimelineEvent;
import dev.timelines.domain.TimelineKey;
import dev.timelines.domain.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The stream read from the store's history: messages of late events and deletions, steps, positions, sharing. */
class TransitionStreamServiceTest {

    private static final Timestamp RECEIVED = new Timestamp(1_700_000_000_000_000L);

    private final ReferenceStorage store = new ReferenceStorage();
    private final Forgetting history = new Forgetting(store);
    private final TransitionStreamService streams = new TransitionStreamService(history, 1000);

    @Test
    void aLateEventRetractsTheTransitionItSplitsAndAddsBothHalves() {
        Watch watch = watch(Optional.empty(), false);
        store.append(List.of(status("o", 0, "paid"), status("o", 100, "shipped")), RECEIVED);
        assertEquals(List.of("transition paid->shipped@100"), shown(watch.next(10)));
        store.append(List.of(status("o", 40, "on_hold")), RECEIVED);

        assertEquals(List.of("retraction paid->shipped@100", "transition paid->on_hold@40",
                "transition on_hold->shipped@100"), shown(watch.next(10)));
    }

    @Test
    void aStepGivesTheDifferenceOverAllItsWrites() {
        Watch watch = watch(Optional.empty(), false);
        store.append(List.of(status("o", 0, "paid"), status("o", 100, "shipped")), RECEIVED);
        store.append(List.of(status("o", 40, "on_hold")), RECEIVED);

        assertEquals(List.of("transition paid->on_hold@40", "transition on_hold->shipped@100"), shown(watch.next(10)));
    }

    @Test
    void aDeletionRetractsEveryTransitionOfTheTimelineAndNothingElseIsSent() {
        store.append(List.of(status("o", 0, "paid"), status("o", 10, "shipped"), status("p", 0, "paid")), RECEIVED);
        Watch watch = streams.watch(STATUS, Optional.of(str("paid")), Optional.empty(), true, Optional.empty());
        // A repeated value changes no transition: nothing to send.
        store.append(List.of(status("p", 5, "paid")), RECEIVED);
        store.delete(key("o"));

        assertEquals(List.of("retraction paid->shipped@10"), shown(watch.next(10)));
    }

    @Test
    void resumingAfterAMessageSendsExactlyTheOnesThatFollowedIt() {
        Watch first = watch(Optional.empty(), true);
        store.append(List.of(status("o", 0, "a"), status("o", 1, "b"), status("o", 2, "c")), RECEIVED);
        List<Message> all = first.next(10);
        store.append(List.of(status("p", 0, "a")), RECEIVED);
        all = concat(all, first.next(10));
        assertEquals(4, all.size());

        Watch resumed = watch(Optional.of(all.get(1).position()), true);
        assertEquals(all.subList(2, 4), resumed.next(10));
        assertEquals(List.of(), resumed.next(10));
    }

    @Test
    void aWatchTakesAtMostTheLimitAndGoesOnFromThere() {
        Watch watch = watch(Optional.empty(), true);
        store.append(List.of(status("o", 0, "a"), status("o", 1, "b"), status("o", 2, "c")), RECEIVED);

        assertEquals(2, watch.next(2).size());
        assertEquals(List.of("transition b->c@2"), shown(watch.next(2)));
    }

    @Test
    void stepsCoverAtMostTheMaximumOfSeqsAndStillGiveEveryChange() {
        TransitionStreamService small = new TransitionStreamService(history, 2);
        Watch watch = small.watch(STATUS, Optional.empty(), Optional.empty(), true, Optional.empty());
        for (int i = 0; i < 7; i++) {
            store.append(List.of(status("o" + i % 3, i, "v" + i)), RECEIVED);
        }

        List<Message> messages = watch.next(100);
        assertEquals(7, messages.size());
        messages.forEach(message -> assertTrue(StreamPosition.parse(message.position()).upTo()
                - StreamPosition.parse(message.position()).after() <= 2));
    }

    /** An import's seqs may lie far above the store's: the step covers the gap at once, and resumes. */
    @Test
    void aStepCoversSeqsNoWriteTookAtOnce() {
        Watch watch = watch(Optional.empty(), true);
        store.append(List.of(status("o", 0, "a")), RECEIVED);
        long far = 9_000_000_000_000_001L;
        store.restore(List.of(new TimelineEvent(key("o"), new Event(new Timestamp(1_000_000), far, RECEIVED,
                Optional.empty(), obj("status", str("b")))), new TimelineEvent(key("p"), new Event(
                new Timestamp(0), far + 1, RECEIVED, Optional.empty(), obj("status", str("c"))))));

        List<Message> messages = watch.next(10);
        assertEquals(List.of("transition a@0", "transition a->b@1", "transition c@0"), shown(messages));
        Watch resumed = watch(Optional.of(messages.get(1).position()), true);
        assertEquals(messages.subList(2, 3), resumed.next(10));
    }

    @Test
    void clientsAtTheFrontierShareTheStepsComputedOnce() {
        Watch one = watch(Optional.empty(), true);
        Watch other = watch(Optional.empty(), true);
        store.append(List.of(status("o", 0, "a")), RECEIVED);
        int before = history.reads.get();

        assertEquals(one.next(10), other.next(10));
        assertEquals(2, history.reads.get() - before, "one timeline read as of the step's start and its end, once");
    }

    @Test
    void theHubReadsATimelineOnlyAsOfTheStepsEndWhenAnEarlierStepChangedIt() {
        Watch watch = watch(Optional.empty(), true);
        store.append(List.of(status("o", 0, "a")), RECEIVED);
        watch.next(10);
        store.append(List.of(status("o", 1, "b")), RECEIVED);
        int before = history.reads.get();

        assertEquals(List.of("transition a->b@1"), shown(watch.next(10)));
        assertEquals(1, history.reads.get() - before, "as of the step's start it is what the last step left");
    }

    /** A client finding the hub at work gets nothing yet, and is called when the step is kept. */
    @Test
    void noClientWaitsForTheHubComputingAStep() throws Exception {
        Watch computing = watch(Optional.empty(), true);
        Watch waiting = watch(Optional.empty(), true);
        AtomicInteger called = new AtomicInteger();
        Runnable stop = waiting.listen(called::incrementAndGet);
        store.append(List.of(status("o", 0, "a")), RECEIVED);
        history.gate = new CountDownLatch(1);
        CompletableFuture<List<Message>> first = CompletableFuture.supplyAsync(() -> computing.next(10));
        assertTrue(history.reading.await(10, TimeUnit.SECONDS), "the hub is computing the step");
        int calledBefore = called.get();

        assertEquals(List.of(), assertTimeoutPreemptively(Duration.ofSeconds(5), () -> waiting.next(10)));
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> watch(Optional.empty(), true));
        history.gate.countDown();
        assertEquals(List.of("transition a@0"), shown(first.get(10, TimeUnit.SECONDS)));
        assertTrue(called.get() > calledBefore, "the waiting client was called once the step was kept");
        assertEquals(List.of("transition a@0"), shown(waiting.next(10)));
        stop.run();
    }

    @Test
    void aPositionBelowTheHorizonIsGone() {
        Watch watch = watch(Optional.empty(), true);
        store.append(List.of(status("o", 0, "a"), status("o", 1, "b")), RECEIVED);
        String first = watch.next(1).get(0).position();
        history.horizon = 1;

        assertThrows(PositionGoneException.class, () -> watch(Optional.of(first), true));
    }

    @Test
    void positionsNeverIssuedAreInvalid() {
        store.append(List.of(status("o", 0, "a"), status("o", 1, "b")), RECEIVED);

        // Beyond the durable seq; more messages sent than the step has.
        for (StreamPosition never : List.of(new StreamPosition(0, 3, 0), new StreamPosition(0, 2, 3))) {
            assertThrows(InvalidPositionException.class, () -> watch(Optional.of(never.token()), true), never.token());
        }
        TransitionStreamService oneSeqSteps = new TransitionStreamService(history, 1);
        assertThrows(InvalidPositionException.class, () -> oneSeqSteps.watch(STATUS, Optional.empty(),
                Optional.empty(), true, Optional.of(new StreamPosition(0, 2, 0).token())), "a longer step than any issued");
        assertThrows(InvalidPositionException.class, () -> StreamPosition.parse("7-x"));
        assertThrows(InvalidPositionException.class, () -> StreamPosition.parse("5-3-0"));
        assertThrows(InvalidPositionException.class, () -> StreamPosition.parse("5-5-1"));
    }

    private Watch watch(Optional<String> after, boolean entries) {
        return streams.watch(STATUS, Optional.empty(), Optional.empty(), entries, after);
    }

    private static List<Message> concat(List<Message> first, List<Message> then) {
        return java.util.stream.Stream.concat(first.stream(), then.stream()).toList();
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

    /** The reference's history, which forgets up to a horizon the test sets, and counts the timelines read. */
    private static final class Forgetting implements StoreHistory {

        private final StoreHistory history;
        private final AtomicInteger reads = new AtomicInteger();
        private final CountDownLatch reading = new CountDownLatch(1);
        private volatile long horizon;
        /** When set, a read waits for it to open. */
        private volatile CountDownLatch gate;

        Forgetting(StoreHistory history) {
            this.history = history;
        }

        @Override
        public long durable() {
            return history.durable();
        }

        @Override
        public long horizon() {
            return horizon;
        }

        @Override
        public Set<TimelineKey> changed(long after, long upTo) {
            check(after);
            return history.changed(after, upTo);
        }

        @Override
        public Optional<Timeline> asOf(TimelineKey key, long seq) {
            check(seq);
            reads.incrementAndGet();
            reading.countDown();
            CountDownLatch closed = gate;
            if (closed != null) {
                try {
                    closed.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return history.asOf(key, seq);
        }

        private void check(long seq) {
            if (seq < horizon) {
                throw new HistoryGoneException("below " + horizon);
            }
        }

        @Override
        public Runnable onDurable(Runnable listener) {
            return history.onDurable(listener);
        }
    }
}
