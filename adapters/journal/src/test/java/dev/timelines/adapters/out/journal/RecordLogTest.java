package dev.timelines.adapters.out.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordLogTest {

    @TempDir
    Path dir;

    private final Random random = new Random(42);

    @Test
    void anEmptyDirectoryStartsWithOneSegmentHoldingOnlyItsHeader() {
        try (RecordLog log = RecordLog.open(dir, LogOptions.defaults(), new Replay())) {
            assertEquals(List.of(dir.resolve("segment-0000000000000001.log")), log.segments());
            assertEquals(SegmentFormat.HEADER_BYTES, log.sizeOnDisk());
            assertTrue(log.isWritable());
        }
    }

    @Test
    void appendedBatchesAreReplayedInOrderWithThePositionsAppendReturned() {
        List<JournalRecord> appended = new ArrayList<>();
        List<LogPosition> returned = new ArrayList<>();
        try (RecordLog log = RecordLog.open(dir, LogOptions.defaults(), new Replay())) {
            for (int sequence = 0; sequence < 20; sequence++) {
                List<JournalRecord> batch = Replay.batch(0, sequence, 1 + random.nextInt(3), random);
                returned.addAll(log.append(batch));
                appended.addAll(batch);
            }
        }

        Replay replay = new Replay();
        RecordLog.open(dir, LogOptions.defaults(), replay).close();

        assertEquals(appended, replay.records);
        assertEquals(returned, replay.positions);
        assertEquals(returned.stream().sorted().toList(), returned, "positions follow log order");
    }

    @Test
    void everyTypeByteAndAnEmptyPayloadSurviveTheRoundTrip() {
        List<JournalRecord> records = new ArrayList<>();
        for (int type = -128; type < 128; type++) {
            records.add(new JournalRecord((byte) type, new byte[0]));
        }
        try (RecordLog log = RecordLog.open(dir, LogOptions.defaults(), new Replay())) {
            log.append(records);
        }

        Replay replay = new Replay();
        RecordLog.open(dir, LogOptions.defaults(), replay).close();

        assertEquals(records, replay.records);
    }

    @Test
    void anEmptyBatchAppendsNothing() {
        try (RecordLog log = RecordLog.open(dir, LogOptions.defaults(), new Replay())) {
            assertEquals(List.of(), log.append(List.of()));
            assertEquals(SegmentFormat.HEADER_BYTES, log.sizeOnDisk());
        }
    }

    @Test
    void aBatchThatCannotFitInOneSegmentIsRefused() {
        LogOptions options = LogOptions.defaults().withMaxSegmentBytes(1024);
        try (RecordLog log = RecordLog.open(dir, options, new Replay())) {
            List<JournalRecord> huge = List.of(new JournalRecord((byte) 1, new byte[1024]));

            assertThrows(IllegalArgumentException.class, () -> log.append(huge));
            assertTrue(log.isWritable(), "refusing a batch is not a failure of the log");
        }
    }

    @Test
    void segmentsRollOverBeforeExceedingTheMaximumAndReplayAcrossAllOfThem() throws Exception {
        LogOptions options = LogOptions.defaults().withMaxSegmentBytes(512);
        List<JournalRecord> appended = new ArrayList<>();
        try (RecordLog log = RecordLog.open(dir, options, new Replay())) {
            for (int sequence = 0; sequence < 200; sequence++) {
                List<JournalRecord> batch = Replay.batch(0, sequence, 1 + random.nextInt(3), random);
                log.append(batch);
                appended.addAll(batch);
            }
            List<Path> segments = log.segments();
            assertTrue(segments.size() > 20, "rolled over into " + segments.size() + " segments");
            long total = 0;
            for (int i = 0; i < segments.size(); i++) {
                assertEquals(SegmentFiles.path(dir, i + 1), segments.get(i));
                assertTrue(Files.size(segments.get(i)) <= 512);
                total += Files.size(segments.get(i));
            }
            assertEquals(total, log.sizeOnDisk());
        }

        Replay replay = new Replay();
        RecordLog.open(dir, options, replay).close();

        assertEquals(appended, replay.records);
        assertEquals(200, replay.batches().size());
    }

    @Test
    void appendsContinueInTheLastSegmentAfterReopening() {
        LogOptions options = LogOptions.defaults().withMaxSegmentBytes(512);
        List<JournalRecord> appended = new ArrayList<>();
        for (int session = 0; session < 5; session++) {
            try (RecordLog log = RecordLog.open(dir, options, new Replay())) {
                for (int sequence = 0; sequence < 7; sequence++) {
                    List<JournalRecord> batch = Replay.batch(session, sequence, 2, random);
                    log.append(batch);
                    appended.addAll(batch);
                }
            }
        }

        Replay replay = new Replay();
        RecordLog.open(dir, options, replay).close();

        assertEquals(appended, replay.records);
    }

    @Test
    void aClosedLogRefusesAppendsAndClosingAgainIsHarmless() {
        RecordLog log = RecordLog.open(dir, LogOptions.defaults(), new Replay());
        log.close();
        log.close();

        assertFalse(log.isWritable());
        assertThrows(IllegalStateException.class, () -> log.append(Replay.batch(0, 0, 1, random)));
    }

    @Test
    void aSecondLogOnTheSameDirectoryIsRefusedUntilTheFirstCloses() {
        try (RecordLog log = RecordLog.open(dir, LogOptions.defaults(), new Replay())) {
            JournalException refused =
                    assertThrows(JournalException.class, () -> RecordLog.open(dir, LogOptions.defaults(), new Replay()));
            assertTrue(refused.getMessage().contains("already open"), refused.getMessage());
        }
        RecordLog.open(dir, LogOptions.defaults(), new Replay()).close();
    }
}
