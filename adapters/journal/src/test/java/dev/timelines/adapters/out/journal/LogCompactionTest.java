package dev.timelines.adapters.out.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The record log's compaction, with filters that drop the batches of one appender. */
class LogCompactionTest {

    private static final LogOptions OPTIONS = LogOptions.defaults().withMaxSegmentBytes(512);

    @TempDir
    Path dir;

    private final Random random = new Random(5);

    @Test
    void theCompactedSegmentsHoldWhatTheFilterKeptInOrderAndInWholeBatchesNumberedUpToTheLastCompacted()
            throws IOException {
        List<List<JournalRecord>> batches = new ArrayList<>();
        List<Long> segmentOf = new ArrayList<>();
        List<JournalRecord> kept = new ArrayList<>();
        try (RecordLog log = RecordLog.open(dir, OPTIONS, new Replay())) {
            for (int sequence = 0; sequence < 60; sequence++) {
                for (int appender = 0; appender < 3; appender++) {
                    List<JournalRecord> batch = Replay.batch(appender, sequence, 1 + random.nextInt(3), random);
                    segmentOf.add(log.append(batch).get(0).segment());
                    batches.add(batch);
                }
            }
            long through = log.activeSegment() - 1;
            for (int i = 0; i < batches.size(); i++) {
                if (i % 3 != 1 || segmentOf.get(i) > through) {
                    kept.addAll(batches.get(i));
                }
            }
            long segmentsBefore = log.segments().size();

            CompactionResult result = log.compact(through, dropping(1, List.of()));

            assertEquals(through, result.throughSegment());
            assertTrue(result.segmentsAfter() < result.segmentsBefore(), result.toString());
            List<Path> segments = log.segments();
            assertEquals(segmentsBefore - result.segmentsBefore() + result.segmentsAfter(), segments.size());
            for (int i = 0; i < segments.size(); i++) {
                assertEquals(SegmentFiles.path(dir, through - result.segmentsAfter() + 1 + i), segments.get(i),
                        "numbered so as to end at the last compacted segment");
                assertTrue(Files.size(segments.get(i)) <= OPTIONS.maxSegmentBytes());
            }
            List<JournalRecord> appended = Replay.batch(3, 0, 2, random);
            log.append(appended);
            kept.addAll(appended);
        }

        Replay replay = new Replay();
        RecordLog.open(dir, OPTIONS, replay).close();

        assertEquals(kept, replay.records);
        replay.batches();
    }

    @Test
    void theTrailerFollowsTheKeptRecordsAsOneBatch() {
        List<JournalRecord> trailer = Replay.batch(9, 0, 3, random);
        List<JournalRecord> expected = new ArrayList<>();
        try (RecordLog log = RecordLog.open(dir, OPTIONS, new Replay())) {
            for (int sequence = 0; log.activeSegment() < 3; sequence++) {
                List<JournalRecord> batch = Replay.batch(0, sequence, 2, random);
                log.append(batch);
                expected.addAll(batch);
            }
            List<JournalRecord> inTheActiveSegment = expected.subList(expected.size() - 2, expected.size());
            expected = new ArrayList<>(expected.subList(0, expected.size() - 2));
            expected.addAll(trailer);
            expected.addAll(inTheActiveSegment);

            log.compact(log.activeSegment() - 1, dropping(-1, trailer));
        }

        Replay replay = new Replay();
        RecordLog.open(dir, OPTIONS, replay).close();

        assertEquals(expected, replay.records);
        assertEquals(new Replay.BatchId(9, 0), replay.batches().get(replay.batches().size() - 2));
    }

    @Test
    void onlyClosedSegmentsAreCompacted() {
        try (RecordLog log = RecordLog.open(dir, OPTIONS, new Replay())) {
            CompactionFilter filter = dropping(0, List.of());
            assertThrows(IllegalArgumentException.class, () -> log.compact(log.activeSegment(), filter));
        }
    }

    @Test
    void closingTheLogMakesACompactionGiveUpBeforeItsCommitAndLeavesTheSegmentsAsTheyWere() throws Exception {
        FaultyFileLayer disk = new FaultyFileLayer();
        RecordLog log = RecordLog.open(dir, OPTIONS, new Replay(), disk);
        List<JournalRecord> appended = new ArrayList<>();
        for (int sequence = 0; log.activeSegment() < 4; sequence++) {
            List<JournalRecord> batch = Replay.batch(sequence % 2, sequence, 2, random);
            log.append(batch);
            appended.addAll(batch);
        }
        CountDownLatch paused = new CountDownLatch(1);
        CountDownLatch resume = new CountDownLatch(1);
        disk.pauseBeforeCreating(CompactionFiles.temporary(dir, 1).getFileName().toString(), paused, resume);
        long through = log.activeSegment() - 1;
        CompletableFuture<CompactionResult> compaction =
                CompletableFuture.supplyAsync(() -> log.compact(through, dropping(0, List.of())));
        assertTrue(paused.await(10, TimeUnit.SECONDS));

        CompletableFuture<Void> closing = CompletableFuture.runAsync(log::close);
        Thread.sleep(50);
        resume.countDown();
        closing.get(10, TimeUnit.SECONDS);

        Throwable gaveUp = assertThrows(Exception.class, compaction::join).getCause();
        assertTrue(gaveUp instanceof CancellationException, String.valueOf(gaveUp));
        assertEquals(List.of(), CompactionCrashTest.compactionFilesIn(dir));
        Replay replay = new Replay();
        RecordLog.open(dir, OPTIONS, replay).close();
        assertEquals(appended, replay.records);
    }

    /** Drops every record of {@code appender} (see {@link Replay#batch}) and ends with {@code trailer}. */
    static CompactionFilter dropping(int appender, List<JournalRecord> trailer) {
        return new CompactionFilter() {
            @Override
            public Optional<JournalRecord> rewrite(JournalRecord record) {
                return ByteBuffer.wrap(record.payload()).getInt() == appender ? Optional.empty() : Optional.of(record);
            }

            @Override
            public List<JournalRecord> trailer() {
                return trailer;
            }
        };
    }
}
