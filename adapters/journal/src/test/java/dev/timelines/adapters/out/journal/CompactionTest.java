package dev.timelines.adapters.out.journal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.timelines.adapters.out.memory.InMemoryEventStore;
import dev.timelines.application.port.out.KeyRange;
import dev.timelines.domain.Event;
import dev.timelines.domain.EventId;
import dev.timelines.domain.IncomingEvent;
import dev.timelines.domain.IngestResult;
import dev.timelines.domain.JsonValue;
import dev.timelines.domain.TimelineKey;
import dev.timelines.domain.Timestamp;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Compaction reclaims the deleted timelines' bytes, and the compacted journal replays to what the original did. */
class CompactionTest {

    static final Timestamp RECEIVED = new Timestamp(1_700_000_000_000_000L);
    private static final LogOptions OPTIONS =
            LogOptions.defaults().withMaxSegmentBytes(4096).withCompaction(CompactionPolicy.onRequestOnly());

    @TempDir
    Path dir;

    private InMemoryEventStore memory;
    private JournalEventStore journal;

    @AfterEach
    void close() {
        journal.close();
    }

    @Test
    void compactionDropsTheDeletedTimelinesBytesAndTheCompactedJournalReplaysLikeTheOriginal(@TempDir Path original)
            throws IOException {
        open(OPTIONS);
        for (int round = 0; round < 40; round++) {
            appendRound(round, 10);
        }
        for (int timeline = 0; timeline < 10; timeline += 2) {
            assertTrue(journal.delete(key(timeline)));
        }
        appendRound(40, 10);
        copySegments(dir, original);
        StoreState before = StoreState.of(memory);
        long sizeBefore = sizeOnDisk(dir);

        CompactionResult result = journal.compact().join();

        long sizeAfter = sizeOnDisk(dir);
        assertEquals(sizeBefore - sizeAfter, result.reclaimedBytes());
        assertTrue(sizeAfter < sizeBefore * 0.6, sizeBefore + " bytes became " + sizeAfter);
        assertTrue(result.segmentsAfter() < result.segmentsBefore(), result.toString());
        reopen(OPTIONS);
        assertEquals(before, StoreState.of(memory));
        assertEquals(before, StoreState.replayed(original, OPTIONS), "the original journal replays the same");
    }

    @Test
    void idsOfLiveTimelinesStayDuplicatesAndIdsOfDeletedOnesAreAcceptedAgain() {
        open(OPTIONS);
        for (int round = 0; round < 30; round++) {
            appendRound(round, 4);
        }
        journal.delete(key(1));
        appendRound(30, 4);
        journal.compact().join();
        reopen(OPTIONS);

        assertEquals(new IngestResult(0, 1), journal.append(List.of(event(key(0), "0-5", 5)), RECEIVED));
        assertEquals(new IngestResult(1, 0), journal.append(List.of(event(key(1), "1-5", 5)), RECEIVED));
    }

    @Test
    void aTimelineDeletedAndCreatedAgainKeepsOnlyItsEventsFromAfterTheDelete() {
        open(OPTIONS);
        TimelineKey reborn = new TimelineKey("reborn");
        journal.append(List.of(event(reborn, "a", 1), event(reborn, "b", 2)), RECEIVED);
        for (int round = 0; round < 20; round++) {
            appendRound(round, 3);
        }
        journal.delete(reborn);
        journal.append(List.of(event(reborn, "a", 3), event(reborn, "c", 4)), RECEIVED);
        for (int round = 20; round < 40; round++) {
            appendRound(round, 3);
        }
        List<Event> afterTheDelete = memory.timeline(reborn).orElseThrow().events();

        journal.compact().join();
        reopen(OPTIONS);

        assertEquals(afterTheDelete, memory.timeline(reborn).orElseThrow().events());
        assertEquals(new IngestResult(0, 1), journal.append(List.of(event(reborn, "a", 5)), RECEIVED));
        assertEquals(new IngestResult(1, 0), journal.append(List.of(event(reborn, "b", 5)), RECEIVED));
    }

    @Test
    void seqsGoOnPastThoseOfDeletedEventsAndDeletionsEvenWhenTheNewestEventsWereDeleted() {
        open(OPTIONS);
        for (int round = 0; round < 30; round++) {
            appendRound(round, 3);
        }
        List<TimelineKey> newest = IntStream.range(0, 150).mapToObj(i -> new TimelineKey("newest-" + i)).toList();
        for (int from = 0; from < newest.size(); from += 10) {
            journal.append(newest.subList(from, from + 10).stream().map(key -> event(key, "only", 1)).toList(),
                    RECEIVED);
        }
        // Their deletion records alone fill the segment, so the newest events end up in closed segments.
        newest.forEach(journal::delete);
        long highestSeq = memory.durable();
        StoreState before = StoreState.of(memory);

        for (int compaction = 0; compaction < 2; compaction++) {
            // The second one finds the first one's record of the seqs it compacted, and writes another.
            journal.compact().join();
            reopen(OPTIONS);
            assertEquals(before, StoreState.of(memory), "compaction changed nothing visible");
        }

        journal.append(List.of(event(key(0), "after", 99)), RECEIVED);
        long next = memory.timeline(key(0)).orElseThrow().last().seq();
        assertEquals(highestSeq + 1, next, "no seq of a deleted event or of a deletion is given again");
    }

    @Test
    void appendsAndDeletesGoOnWhileACompactionIsUnderWay() throws Exception {
        FaultyFileLayer disk = new FaultyFileLayer();
        open(OPTIONS, disk);
        for (int round = 0; round < 30; round++) {
            appendRound(round, 6);
        }
        journal.delete(key(0));
        CountDownLatch paused = new CountDownLatch(1);
        CountDownLatch resume = new CountDownLatch(1);
        disk.pauseBeforeCreating(CompactionFiles.temporary(dir, 0).getFileName().toString(), paused, resume);

        CompletableFuture<CompactionResult> compaction = journal.compact();
        assertTrue(paused.await(10, TimeUnit.SECONDS), "the compaction reached its first new file");
        for (int round = 30; round < 60; round++) {
            appendRound(round, 6);
        }
        assertTrue(journal.delete(key(1)));
        assertFalse(compaction.isDone(), "all of that while the compaction was under way");
        resume.countDown();
        compaction.join();
        StoreState before = StoreState.of(memory);

        reopen(OPTIONS);
        assertEquals(before, StoreState.of(memory));
    }

    @Test
    void everyAcknowledgedEventIsThereAfterCompactionsThatRanWhileOthersAppendedAndDeleted() throws Exception {
        open(OPTIONS);
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger acknowledged = new AtomicInteger();
        List<List<String>> acknowledgedIds = new ArrayList<>();
        List<CompletableFuture<Void>> writers = new ArrayList<>();
        for (int writer = 0; writer < 3; writer++) {
            List<String> ids = new ArrayList<>();
            acknowledgedIds.add(ids);
            TimelineKey live = new TimelineKey("live-" + writer);
            writers.add(CompletableFuture.runAsync(() -> {
                for (int i = 0; !stop.get(); i++) {
                    journal.append(List.of(event(live, live + "-" + i, i)), RECEIVED);
                    ids.add(live + "-" + i);
                    acknowledged.incrementAndGet();
                }
            }));
        }
        writers.add(CompletableFuture.runAsync(() -> {
            for (int round = 0; !stop.get(); round++) {
                TimelineKey doomed = new TimelineKey("doomed-" + round % 4);
                journal.append(IntStream.range(0, 5).mapToObj(i -> event(doomed, "d" + i, i)).toList(), RECEIVED);
                journal.delete(doomed);
            }
        }));

        long reclaimed = 0;
        int acknowledgedDuringCompactions = 0;
        for (int compaction = 0; compaction < 8; compaction++) {
            Thread.sleep(30);
            int before = acknowledged.get();
            reclaimed += journal.compact().join().reclaimedBytes();
            acknowledgedDuringCompactions += acknowledged.get() - before;
        }
        stop.set(true);
        CompletableFuture.allOf(writers.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        StoreState before = StoreState.of(memory);

        reopen(OPTIONS);
        assertEquals(before, StoreState.of(memory));
        for (int writer = 0; writer < 3; writer++) {
            List<String> replayed = memory.timeline(new TimelineKey("live-" + writer)).orElseThrow().events().stream()
                    .map(e -> e.id().orElseThrow().value()).toList();
            assertEquals(acknowledgedIds.get(writer), replayed, "writer " + writer + ": every event, once, in order");
        }
        assertEquals(List.of(), memory.keys(new KeyRange("doomed", Optional.empty(), 10), Optional.empty()),
                "every doomed timeline was deleted last");
        assertTrue(reclaimed > 0, "the compactions reclaimed the doomed timelines' bytes");
        assertTrue(acknowledgedDuringCompactions > 0, "appends were acknowledged while compactions ran");
    }

    @Test
    void compactionRunsOnItsOwnOnceDeletedTimelinesTakeEnoughOfTheClosedSegments() throws Exception {
        open(OPTIONS.withCompaction(new CompactionPolicy(true, 4096, 0.3)));
        try (LogCapture logged = new LogCapture()) {
            for (int round = 0; round < 40; round++) {
                appendRound(round, 5);
            }
            for (int timeline = 0; timeline < 3; timeline++) {
                journal.delete(key(timeline));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            int round = 40;
            while (logged.messages(Level.INFO).stream().noneMatch(m -> m.startsWith("compacted journal segments"))) {
                assertTrue(System.nanoTime() < deadline, "no compaction started on its own");
                appendRound(round++, 5);
                Thread.sleep(5);
            }
        }
        StoreState before = StoreState.of(memory);
        reopen(OPTIONS);
        assertEquals(before, StoreState.of(memory));
    }

    @Test
    void aJournalWithoutDeletionsIsLeftAsItIs() throws IOException {
        open(OPTIONS);
        for (int round = 0; round < 60; round++) {
            appendRound(round, 3);
        }
        List<Path> segments = SegmentFiles.list(dir);
        List<byte[]> contents = new ArrayList<>();
        for (Path segment : segments) {
            contents.add(Files.readAllBytes(segment));
        }

        CompactionResult result = journal.compact().join();

        assertTrue(result.segmentsBefore() > 1, "closed segments were there to compact");
        assertEquals(0, result.reclaimedBytes());
        assertEquals(segments, SegmentFiles.list(dir));
        for (int i = 0; i < segments.size(); i++) {
            assertArrayEquals(contents.get(i), Files.readAllBytes(segments.get(i)), "unchanged");
        }
    }

    /** One event in each of the first {@code timelines} timelines, with ids unique to the round. */
    private void appendRound(int round, int timelines) {
        List<IncomingEvent> batch = IntStream.range(0, timelines)
                .mapToObj(timeline -> event(key(timeline), timeline + "-" + round, round)).toList();
        journal.append(batch, RECEIVED);
    }

    private void open(LogOptions options) {
        memory = new InMemoryEventStore();
        journal = JournalEventStore.open(dir, options, memory);
    }

    private void open(LogOptions options, FileLayer files) {
        memory = new InMemoryEventStore();
        journal = JournalEventStore.open(dir, options, memory, files);
    }

    private void reopen(LogOptions options) {
        journal.close();
        open(options);
    }

    static TimelineKey key(int timeline) {
        return new TimelineKey("timeline-" + timeline);
    }

    static IncomingEvent event(TimelineKey key, String id, long seconds) {
        JsonValue.Obj data = new JsonValue.Obj(Map.of("n", new JsonValue.Num(BigDecimal.valueOf(seconds)),
                "note", new JsonValue.Str("some forty characters of padding here...")));
        return new IncomingEvent(key, new Timestamp(seconds * 1_000_000), Optional.of(new EventId(id)), data);
    }

    static long sizeOnDisk(Path dir) throws IOException {
        long total = 0;
        for (Path segment : SegmentFiles.list(dir)) {
            total += Files.size(segment);
        }
        return total;
    }

    static void copySegments(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        for (Path segment : SegmentFiles.list(from)) {
            Files.copy(segment, to.resolve(segment.getFileName()));
        }
    }
}
