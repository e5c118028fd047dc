package dev.timelines.application.port.out;

import static dev.timelines.application.port.out.StoreFixtures.NULL;
import static dev.timelines.application.port.out.StoreFixtures.arr;
import static dev.timelines.application.port.out.StoreFixtures.event;
import static dev.timelines.application.port.out.StoreFixtures.key;
import static dev.timelines.application.port.out.StoreFixtures.num;
import static dev.timelines.application.port.out.StoreFixtures.obj;
import static dev.timelines.application.port.out.StoreFixtures.render;
import static dev.timelines.application.port.out.StoreFixtures.seconds;
import static dev.timelines.application.port.out.StoreFixtures.status;
import static dev.timelines.application.port.out.StoreFixtures.str;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.timelines.domain.Attribute;
import dev.timelines.domain.Event;
import dev.timelines.domain.EventId;
import dev.timelines.domain.HistoryMode;
import dev.timelines.domain.IncomingEvent;
import dev.timelines.domain.IngestResult;
import dev.timelines.domain.JsonValue;
import dev.timelines.domain.Timeline;
import dev.timelines.domain.TimelineEvent;
import dev.timelines.domain.TimelineKey;
import dev.timelines.domain.Timestamp;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What every storage adapter promises through {@link EventLog} and {@link TimelineReader}. An adapter's test
 * extends this class once and says how to open a fresh, empty store.
 */
public abstract class EventStoreContract {

    protected static final Timestamp RECEIVED = seconds(1_700_000_000);

    /** A store under test: its write and read sides, which may be one object. */
    public record Store(EventLog log, TimelineReader reader) {
    }

    /**
     * A new, empty store, independent of every store opened before. One test may open several (the
     * arrival-order case opens two per round); an adapter holding files closes them in its own {@code @AfterEach}.
     */
    protected abstract Store newStore();

    /** How many random rounds the arrival-order case plays; an adapter slow to open stores may lower it. */
    protected int arrivalOrderRounds() {
        return 100;
    }

    /**
     * Whether seqs follow the arrival order across timelines (docs/semantics.md, "Seq"); on Kafka they follow each
     * partition's log, hence the arrival order within each timeline only.
     */
    protected boolean seqsFollowArrivalAcrossTimelines() {
        return true;
    }

    private Store store;

    @BeforeEach
    void openStore() {
        store = newStore();
    }

    private IngestResult append(IncomingEvent... events) {
        return store.log().append(List.of(events), RECEIVED);
    }

    private List<Event> events(String key) {
        return store.reader().timeline(key(key)).map(Timeline::events).orElse(List.of());
    }

    private static List<String> statuses(List<Event> events) {
        return events.stream().map(e -> render(e.data().members().get("status"))).toList();
    }

    private static List<Long> seqs(List<Event> events) {
        return events.stream().map(Event::seq).toList();
    }

    @Test
    void anUnknownTimelineReadsAsEmpty() {
        assertEquals(Optional.empty(), store.reader().timeline(key("nobody")));
    }

    @Test
    void anEmptyBatchStoresNothing() {
        assertEquals(new IngestResult(0, 0), store.log().append(List.of(), RECEIVED));
    }

    @Test
    void appendedEventsReadBackInTimestampOrder() {
        IngestResult result = append(status("t", 30, "c"), status("t", 10, "a"), status("t", 20, "b"));

        assertEquals(new IngestResult(3, 0), result);
        List<Event> events = events("t");
        assertEquals(List.of("\"a\"", "\"b\"", "\"c\""), statuses(events));
        assertEquals(List.of(seconds(10), seconds(20), seconds(30)), events.stream().map(Event::timestamp).toList());
    }

    @Test
    void lateEventsTakeTheirPlaceInTimestampOrder() {
        append(status("t", 10, "a"), status("t", 30, "c"));
        append(status("t", 20, "b"));
        append(status("t", 5, "first"));

        assertEquals(List.of("\"first\"", "\"a\"", "\"b\"", "\"c\""), statuses(events("t")));
    }

    @Test
    void seqFollowsArrivalWithinAndAcrossBatchesAndTimelines() {
        append(status("t", 30, "1"), status("u", 20, "2"), status("t", 10, "3"));
        append(status("u", 5, "4"), status("t", 40, "5"));

        List<Event> all = new ArrayList<>(events("t"));
        all.addAll(events("u"));
        all.sort((a, b) -> Long.compare(a.seq(), b.seq()));
        assertEquals(List.of("\"1\"", "\"2\"", "\"3\"", "\"4\"", "\"5\""), statuses(all));
        assertEquals(5, new HashSet<>(seqs(all)).size());
    }

    @Test
    void equalTimestampsKeepArrivalOrder() {
        append(status("t", 10, "a"), status("t", 10, "b"));
        append(status("t", 10, "c"));
        append(status("t", 9, "early"), status("t", 10, "d"));

        List<Event> events = events("t");
        assertEquals(List.of("\"early\"", "\"a\"", "\"b\"", "\"c\"", "\"d\""), statuses(events));
        List<Long> tied = seqs(events.subList(1, 5));
        assertEquals(tied.stream().sorted().toList(), tied);
    }

    @Test
    void aRepeatedIdInALaterRequestIsADuplicateAndNotStored() {
        assertEquals(new IngestResult(1, 0), append(status("t", 10, "evt-1", "original")));
        assertEquals(new IngestResult(1, 1),
                append(status("t", 99, "evt-1", "changed"), status("t", 20, "evt-2", "other")));

        assertEquals(List.of("\"original\"", "\"other\""), statuses(events("t")));
    }

    @Test
    void aRepeatedIdWithinOneBatchIsADuplicate() {
        IngestResult result = append(status("t", 10, "x", "first"), status("t", 20, "y", "second"),
                status("t", 5, "x", "again"), status("t", 10, "x", "once more"));

        assertEquals(new IngestResult(2, 2), result);
        assertEquals(List.of("\"first\"", "\"second\""), statuses(events("t")));
    }

    @Test
    void eventsWithoutAnIdAreNeverDuplicates() {
        assertEquals(new IngestResult(2, 0), append(status("t", 10, "same"), status("t", 10, "same")));
        assertEquals(new IngestResult(1, 0), append(status("t", 10, "same")));

        assertEquals(3, events("t").size());
    }

    @Test
    void theSameIdInAnotherTimelineIsStoredToo() {
        assertEquals(new IngestResult(2, 0), append(status("t", 10, "evt-1", "a"), status("u", 10, "evt-1", "b")));
        assertEquals(new IngestResult(0, 2), append(status("t", 10, "evt-1", "a"), status("u", 10, "evt-1", "b")));

        assertEquals(List.of("\"a\""), statuses(events("t")));
        assertEquals(List.of("\"b\""), statuses(events("u")));
    }

    @Test
    void idsAreCaseSensitive() {
        assertEquals(new IngestResult(2, 0), append(status("t", 10, "evt", "a"), status("t", 10, "EVT", "b")));
    }

    @Test
    void receivedIsTheTimeOfTheAppend() {
        store.log().append(List.of(status("t", 10, "a")), seconds(1_700_000_001));
        store.log().append(List.of(status("t", 5, "b")), new Timestamp(1_700_000_002_123_456L));

        List<Event> events = events("t");
        assertEquals(new Timestamp(1_700_000_002_123_456L), events.get(0).received());
        assertEquals(seconds(1_700_000_001), events.get(1).received());
    }

    @Test
    void idsAndDataReadBackUnchanged() {
        JsonValue.Obj data = obj(
                "status", str("paid"),
                "nothing", NULL,
                "amount", num("12.50"),
                "count", num("1.0"),
                "big", num("123456789012345678901234567890.123456789"),
                "flags", arr(JsonValue.Bool.TRUE, JsonValue.Bool.FALSE, NULL),
                "order", obj("lines", arr(obj("sku", str("X-1"), "qty", num("2"))), "empty", obj(), "none", arr()),
                "ünïcødé / \"quoted\" \\ \uD83D\uDE00", str("tab\tnewline\ncontrol\u0001"));
        append(event("t", new Timestamp(1_680_945_987_123_456L), "evt-\uD83D\uDE00", data));

        Event stored = events("t").get(0);
        assertEquals(new Timestamp(1_680_945_987_123_456L), stored.timestamp());
        assertEquals(Optional.of(new EventId("evt-\uD83D\uDE00")), stored.id());
        assertEquals(data, stored.data());
        assertEquals(render(data), render(stored.data()), "numbers keep the form they were written in");
    }

    @Test
    void emptyDataIsStored() {
        append(event("t", seconds(10), obj()));

        assertEquals(obj(), events("t").get(0).data());
    }

    @Test
    void theFirstAndLastMomentsAreStored() {
        append(event("t", Timestamp.MAX, obj("at", str("last"))), event("t", Timestamp.MIN, obj("at", str("first"))));

        List<Event> events = events("t");
        assertEquals(List.of(Timestamp.MIN, Timestamp.MAX), events.stream().map(Event::timestamp).toList());
    }

    @Test
    void keysAreTakenLiterally() {
        String[] keys = {"a/b", "a%2Fb", "A/B", "...", " ", "\uD83D\uDE00", "\uE000", "k".repeat(256)};
        for (String k : keys) {
            append(status(k, 10, k));
        }
        for (String k : keys) {
            assertEquals(List.of(render(str(k))), statuses(events(k)), k);
        }
    }

    @Test
    void aSnapshotDoesNotChangeWhenEventsArriveLater() {
        append(status("t", 10, "a"));
        Timeline before = store.reader().timeline(key("t")).orElseThrow();

        append(status("t", 5, "b"), status("t", 20, "c"));

        assertEquals(List.of("\"a\""), statuses(before.events()));
        assertEquals(3, events("t").size());
    }

    @Test
    void deleteRemovesTheTimeline() {
        append(status("t", 10, "a"), status("t", 20, "b"));

        assertTrue(store.log().delete(key("t")));
        assertEquals(Optional.empty(), store.reader().timeline(key("t")));
    }

    @Test
    void deleteForgetsTheEventIds() {
        append(status("t", 10, "evt-1", "before"));
        store.log().delete(key("t"));

        assertEquals(new IngestResult(1, 0), append(status("t", 10, "evt-1", "after")));
        assertEquals(List.of("\"after\""), statuses(events("t")));
    }

    @Test
    void deleteOfAnUnknownTimelineIsFalse() {
        assertFalse(store.log().delete(key("nobody")));
    }

    @Test
    void deletingTwiceIsFalseTheSecondTime() {
        append(status("t", 10, "a"));

        assertTrue(store.log().delete(key("t")));
        assertFalse(store.log().delete(key("t")));
    }

    @Test
    void deleteLeavesOtherTimelinesAndTheirIdsAlone() {
        append(status("t", 10, "evt-1", "a"), status("u", 10, "evt-1", "b"), status("t/x", 10, "c"));
        store.log().delete(key("t"));

        assertEquals(List.of("\"b\""), statuses(events("u")));
        assertEquals(List.of("\"c\""), statuses(events("t/x")));
        assertEquals(new IngestResult(0, 1), append(status("u", 10, "evt-1", "b")));
    }

    /** docs/semantics.md, "Seq": the transitions stream places a deletion among the events by its seq. */
    @Test
    void aDeletionTakesASeqOfItsOwn() {
        append(status("t", 10, "a"), status("u", 10, "b"));
        long before = events("u").get(0).seq();
        assertTrue(store.log().delete(key("t")));
        append(status("v", 10, "c"));

        assertTrue(events("v").get(0).seq() > before + 1, "no event takes the seq the deletion took");
    }

    @Test
    void anImportGoesAboveTheSeqOfADeletion() {
        append(status("t", 10, "a"));
        long before = events("t").get(0).seq();
        store.log().delete(key("t"));

        Event at = new Event(seconds(20), before + 1, RECEIVED, Optional.empty(), obj("status", str("x")));
        assertThrows(SeqConflictException.class, () -> store.log().restore(List.of(new TimelineEvent(key("u"), at))));
    }

    @Test
    void seqsAfterADeleteStayUnique() {
        append(status("t", 10, "a"), status("u", 10, "b"));
        store.log().delete(key("t"));
        append(status("t", 10, "c"));

        Set<Long> seqs = new HashSet<>(seqs(events("t")));
        seqs.addAll(seqs(events("u")));
        assertEquals(2, seqs.size());
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void concurrentAppendsLoseNothingAndGiveUniqueSeqs() throws Exception {
        int threads = 8;
        int batchesPerThread = 40;
        int batchSize = 3;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> accepted = new ArrayList<>();
        for (int w = 0; w < threads; w++) {
            int writer = w;
            Callable<Integer> task = () -> {
                start.await();
                int sum = 0;
                for (int b = 0; b < batchesPerThread; b++) {
                    List<IncomingEvent> batch = new ArrayList<>();
                    for (int i = 0; i < batchSize; i++) {
                        // every writer writes to every timeline; the timestamp runs against the order of writing
                        int n = b * batchSize + i;
                        batch.add(event("t" + (n % 4), seconds(1_000_000 - n), "w" + writer + "-" + n,
                                obj("writer", num(Integer.toString(writer)), "n", num(Integer.toString(n)))));
                    }
                    sum += store.log().append(batch, RECEIVED).accepted();
                }
                return sum;
            };
            accepted.add(pool.submit(task));
        }
        start.countDown();
        int total = 0;
        for (Future<Integer> f : accepted) {
            total += f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();

        int expected = threads * batchesPerThread * batchSize;
        assertEquals(expected, total);
        List<Event> all = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            all.addAll(events("t" + t));
        }
        assertEquals(expected, all.size());
        assertEquals(expected, all.stream().map(Event::seq).distinct().count(), "seqs are unique");
        // Each writer's events in its order: across the store, or within each timeline where seqs follow less.
        List<List<Event>> ordered = seqsFollowArrivalAcrossTimelines() ? List.of(all)
                : List.of(events("t0"), events("t1"), events("t2"), events("t3"));
        for (int w = 0; w < threads; w++) {
            String writer = Integer.toString(w);
            for (List<Event> events : ordered) {
                List<Event> own = events.stream().filter(e -> render(e.data().members().get("writer")).equals(writer))
                        .sorted((a, b) -> Long.compare(a.seq(), b.seq())).toList();
                List<Integer> order = own.stream().map(e -> Integer.parseInt(render(e.data().members().get("n"))))
                        .toList();
                assertEquals(order.stream().sorted().toList(), order, "writer " + w + "'s events got seqs in its order");
            }
        }
    }

    private static List<TimelineEvent> exported(Store from, Optional<TimelineKey> timeline) {
        List<TimelineEvent> events = new ArrayList<>();
        from.reader().inSeqOrder(timeline, events::add);
        return events;
    }

    private static TimelineEvent stored(String key, long epochSeconds, long seq, long receivedSeconds, String id,
            String status) {
        return new TimelineEvent(key(key), new Event(seconds(epochSeconds), seq, seconds(receivedSeconds),
                Optional.ofNullable(id).map(EventId::new), obj("status", str(status))));
    }

    @Test
    void exportHandsOverEveryEventInSeqOrderWithItsTimeline() {
        append(status("t", 30, "1"), status("u", 20, "evt-2", "2"), status("t", 10, "3"));
        store.log().append(List.of(status("u", 5, "4")), seconds(1_700_000_100));

        List<TimelineEvent> events = exported(store, Optional.empty());

        assertEquals(List.of("t", "u", "t", "u"), events.stream().map(e -> e.timeline().value()).toList());
        assertEquals(List.of("\"1\"", "\"2\"", "\"3\"", "\"4\""),
                statuses(events.stream().map(TimelineEvent::event).toList()));
        List<Event> stored = new ArrayList<>(events("t"));
        stored.addAll(events("u"));
        stored.sort((a, b) -> Long.compare(a.seq(), b.seq()));
        assertEquals(stored, events.stream().map(TimelineEvent::event).toList(), "the events as the timelines hold them");
    }

    @Test
    void exportOfOneTimelineHasItsEventsOnlyInSeqOrder() {
        append(status("t", 30, "1"), status("u", 20, "2"), status("t", 10, "3"), status("t/x", 10, "4"));

        List<TimelineEvent> events = exported(store, Optional.of(key("t")));

        assertEquals(List.of("\"1\"", "\"3\""), statuses(events.stream().map(TimelineEvent::event).toList()));
        assertEquals(List.of(), exported(store, Optional.of(key("nobody"))));
    }

    @Test
    void exportLeavesOutDeletedTimelines() {
        append(status("t", 30, "1"), status("u", 20, "2"));
        store.log().delete(key("t"));

        assertEquals(List.of("u"), exported(store, Optional.empty()).stream().map(e -> e.timeline().value()).toList());
        assertEquals(List.of(), exported(newStore(), Optional.empty()));
    }

    @Test
    void restoreKeepsSeqReceivedIdAndData() {
        List<TimelineEvent> given = List.of(stored("t", 20, 5, 100, "a", "x"), stored("u", 30, 7, 100, null, "y"),
                stored("t", 10, 9, 200, "b", "z"));

        assertEquals(new IngestResult(3, 0), store.log().restore(given));

        assertEquals(given, exported(store, Optional.empty()));
        assertEquals(List.of(given.get(2).event(), given.get(0).event()), events("t"));
    }

    @Test
    void seqsGivenAfterARestoreFollowItsHighest() {
        store.log().restore(List.of(stored("t", 20, 40, 100, null, "x"), stored("u", 20, 41, 100, "a", "y")));

        append(status("t", 10, "next"));

        assertTrue(events("t").get(0).seq() > 41, "seq " + events("t").get(0).seq());
    }

    @Test
    void aRestoreNotAboveTheHighestSeqIsRefusedAndStoresNothing() {
        append(status("t", 10, "a"), status("t", 20, "b"));
        long highest = events("t").get(1).seq();

        SeqConflictException refused = assertThrows(SeqConflictException.class,
                () -> store.log().restore(List.of(stored("u", 5, highest, 100, null, "x"),
                        stored("u", 6, highest + 1, 100, null, "y"))));

        assertEquals(highest, refused.seq());
        assertEquals(highest, refused.highest());
        assertEquals(List.of(), events("u"));
        assertEquals(new IngestResult(1, 0), store.log().restore(List.of(stored("u", 5, highest + 1, 100, null, "x"))));
    }

    @Test
    void aRestoredIdTheTimelineHoldsIsADuplicate() {
        append(status("t", 10, "evt-1", "a"));

        IngestResult result = store.log().restore(List.of(stored("t", 20, 50, 100, "evt-1", "again"),
                stored("t", 30, 51, 100, "evt-2", "new"), stored("u", 30, 52, 100, "evt-1", "other")));

        assertEquals(new IngestResult(2, 1), result);
        assertEquals(List.of("\"a\"", "\"new\""), statuses(events("t")));
    }

    /** Random stores (late arrivals, equal timestamps, ids, several requests, a delete) come out and in unchanged. */
    @Test
    void anExportRestoredIntoANewStoreIsTheSameStore() {
        Random random = new Random(20_261_207L);
        for (int round = 0; round < Math.max(1, arrivalOrderRounds() / 5); round++) {
            Store source = newStore();
            long received = 1_700_000_000;
            for (List<IncomingEvent> request : RandomArrivals.requests(
                    RandomArrivals.lateArrival(RandomArrivals.round(random).sorted(), random), random)) {
                source.log().append(request, seconds(received += random.nextInt(3)));
            }
            source.log().delete(RandomArrivals.keys().get(random.nextInt(RandomArrivals.keys().size())));
            List<TimelineEvent> export = exported(source, Optional.empty());
            Store target = newStore();

            if (!export.isEmpty()) {
                target.log().restore(export);
            }

            assertEquals(export, exported(target, Optional.empty()), "round " + round);
            for (TimelineKey key : RandomArrivals.keys()) {
                assertEquals(source.reader().timeline(key).map(Timeline::events),
                        target.reader().timeline(key).map(Timeline::events), "round " + round);
            }
        }
    }

    @Test
    void lastEventBeforeGoesByTheLatestTimestampOfEachTimeline() {
        append(status("old", 10, "a"), status("new", 10, "a"), status("late", 60, "a"));
        append(status("new", 50, "b"), status("late", 5, "b"));

        assertEquals(Set.of(key("old")), new HashSet<>(store.reader().lastEventBefore(seconds(50))));
        assertEquals(Set.of(key("old"), key("new")), new HashSet<>(store.reader().lastEventBefore(seconds(51))));
        store.log().delete(key("old"));
        assertEquals(Set.of(key("new"), key("late")), new HashSet<>(store.reader().lastEventBefore(seconds(61))));
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void readersNeverSeePartOfABatch() throws Exception {
        int batches = 150;
        int batchSize = 4;
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        Future<?> writer = pool.submit(() -> {
            try {
                for (int b = 0; b < batches; b++) {
                    List<IncomingEvent> batch = new ArrayList<>();
                    for (int i = 0; i < batchSize; i++) {
                        batch.add(status("t", b * 10L - i, "b" + b));
                    }
                    store.log().append(batch, RECEIVED);
                }
            } finally {
                writing.set(false);
            }
        });
        int partial = -1;
        while (writing.get() && partial < 0) {
            int size = events("t").size();
            if (size % batchSize != 0) {
                partial = size;
            }
        }
        writer.get(60, TimeUnit.SECONDS);
        pool.shutdown();

        assertEquals(-1, partial, "a reader saw " + partial + " events");
        assertEquals(batches * batchSize, events("t").size());
    }

    @Test
    void anyArrivalOrderGivesTheAnswersOfSortedArrival() {
        Random random = new Random(20_230_408L);
        for (int round = 0; round < arrivalOrderRounds(); round++) {
            RandomArrivals.Round drafts = RandomArrivals.round(random);
            List<RandomArrivals.Draft> late = RandomArrivals.lateArrival(drafts.sorted(), random);
            Store sortedStore = newStore();
            Store lateStore = newStore();

            IngestResult sortedResult = appendAll(sortedStore, RandomArrivals.requests(drafts.sorted(), random));
            IngestResult lateResult = appendAll(lateStore, RandomArrivals.requests(late, random));

            IngestResult expected = new IngestResult(drafts.distinct(), drafts.redelivered());
            assertEquals(expected, sortedResult, "round " + round + ", sorted arrival");
            assertEquals(expected, lateResult, "round " + round + ", late arrival " + late);
            List<Timestamp> probes = probeTimes(drafts.sorted());
            for (TimelineKey key : RandomArrivals.keys()) {
                assertEquals(answers(sortedStore, key, probes), answers(lateStore, key, probes),
                        "round " + round + ", timeline " + key + ", late arrival " + late);
            }
        }
    }

    private static IngestResult appendAll(Store store, List<List<IncomingEvent>> requests) {
        IngestResult total = IngestResult.NOTHING;
        for (List<IncomingEvent> request : requests) {
            total = total.plus(store.log().append(request, RECEIVED));
        }
        return total;
    }

    /** Everything the timeline answers, without seqs: they depend on the arrival order. */
    private static List<String> answers(Store store, TimelineKey key, List<Timestamp> probes) {
        Optional<Timeline> read = store.reader().timeline(key);
        if (read.isEmpty()) {
            return List.of("no timeline");
        }
        Timeline timeline = read.get();
        List<String> answers = new ArrayList<>();
        for (Event event : timeline.events()) {
            answers.add(StoreFixtures.time(event.timestamp()) + " " + event.id().map(EventId::value).orElse("-")
                    + " " + render(event.data()));
        }
        for (Attribute attribute : List.of(StoreFixtures.STATUS, StoreFixtures.ORDER_STATUS, new Attribute("order"))) {
            answers.add(attribute.name());
            answers.addAll(StoreFixtures.points(timeline.history(attribute, HistoryMode.CHANGES)));
            answers.addAll(StoreFixtures.points(timeline.history(attribute, HistoryMode.ALL)));
            answers.addAll(StoreFixtures.transitions(timeline.transitions(attribute)));
            for (Timestamp at : probes) {
                answers.add(StoreFixtures.time(at) + ": " + StoreFixtures.state(timeline.stateAt(attribute, at)));
            }
        }
        return answers;
    }

    private static List<Timestamp> probeTimes(List<RandomArrivals.Draft> drafts) {
        return drafts.stream().map(RandomArrivals.Draft::micros).distinct()
                .flatMap(t -> Stream.of(t - 1, t, t + 1)).distinct().sorted()
                .map(Timestamp::new).toList();
    }
}
