package dev.timelines.adapters.out.journal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.logging.Level;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorruptionTest {

    private static final LogOptions ONE_SEGMENT = LogOptions.defaults();
    private static final LogOptions SMALL_SEGMENTS = LogOptions.defaults().withMaxSegmentBytes(400);
    private static final int BATCHES = 6;

    @TempDir
    Path root;

    private final LogCapture logged = new LogCapture();
    private final Random random = new Random(11);
    private Path work;

    @BeforeEach
    void workInACopy() {
        work = root.resolve("work");
    }

    @AfterEach
    void stopCapturingTheLog() {
        logged.close();
    }

    @Test
    void aFlippedBitInAnyByteOfTheLastBatchIsTruncatedAsATornTail() throws IOException {
        SegmentFixture log = SegmentFixture.write(root.resolve("original"), ONE_SEGMENT, BATCHES, random);
        Path segment = work.resolve(log.segmentOf.get(BATCHES - 1).getFileName());

        for (long at = log.startOf.get(BATCHES - 1); at < log.endOf.get(BATCHES - 1); at++) {
            long bit = at * 8 + at % 8;
            log.copyTo(work);
            SegmentFixture.flipBit(segment, bit);

            Replay replay = new Replay();
            try (RecordLog reopened = SegmentFixture.openWithoutWaitingForTheDisk(work, ONE_SEGMENT, replay)) {
                assertEquals(log.recordsOfFirst(BATCHES - 1), replay.records, "bit " + bit);
                assertEquals(log.startOf.get(BATCHES - 1), Files.size(segment), "cut where the last batch began");
                assertTrue(reopened.isWritable());
            }
        }
        assertTrue(logged.messages(Level.WARNING).stream().allMatch(m -> m.contains("torn tail")));
    }

    @Test
    void aFlippedBitInAnyByteOfAMiddleBatchIsReportedWithTheFileAndTheBatchOffset() throws IOException {
        SegmentFixture log = SegmentFixture.write(root.resolve("original"), ONE_SEGMENT, BATCHES, random);
        int middle = BATCHES / 2;
        Path segment = work.resolve(log.segmentOf.get(middle).getFileName());

        for (long at = log.startOf.get(middle); at < log.endOf.get(middle); at++) {
            long bit = at * 8 + at % 8;
            log.copyTo(work);
            SegmentFixture.flipBit(segment, bit);
            byte[] damaged = Files.readAllBytes(segment);

            CorruptJournalException corrupt = assertThrows(CorruptJournalException.class,
                    () -> SegmentFixture.openWithoutWaitingForTheDisk(work, ONE_SEGMENT, new Replay()), "bit " + bit);

            assertEquals(segment, corrupt.file());
            assertEquals((long) log.startOf.get(middle), corrupt.offset());
            assertTrue(corrupt.getMessage().contains(segment.getFileName() + " at byte offset " + corrupt.offset()),
                    corrupt.getMessage());
            assertArrayEquals(damaged, Files.readAllBytes(segment), "refusing to open changes nothing");
        }
    }

    @Test
    void aCorruptMiddleIsCutOffWhenTheOperatorAllowsItAndTheOriginalIsKeptAside() throws IOException {
        SegmentFixture log = SegmentFixture.write(root.resolve("original"), ONE_SEGMENT, BATCHES, random);
        int middle = BATCHES / 2;
        Path segment = work.resolve(log.segmentOf.get(middle).getFileName());
        log.copyTo(work);
        SegmentFixture.flipBit(segment, log.startOf.get(middle) * 8 + 100);
        long damagedSize = Files.size(segment);

        assertRecoversThenAppends(ONE_SEGMENT.withTruncateCorruptTail(true), log.recordsOfFirst(middle));

        assertEquals(List.of(damagedSize), setAside().stream().map(CorruptionTest::size).toList());
        assertTrue(logged.messages(Level.SEVERE).get(0).contains("CORRUPT JOURNAL"));
    }

    @Test
    void damageAtTheEndOfAnEarlierSegmentIsCorruptionBecauseLaterSegmentsFollow() throws IOException {
        SegmentFixture log = SegmentFixture.write(root.resolve("original"), SMALL_SEGMENTS, 12, random);
        int lastOfFirstSegment = log.segmentOf.lastIndexOf(log.segmentOf.get(0));
        Path first = work.resolve(log.segmentOf.get(0).getFileName());
        log.copyTo(work);
        SegmentFixture.flipBit(first, log.startOf.get(lastOfFirstSegment) * 8 + 3);

        CorruptJournalException corrupt = assertThrows(CorruptJournalException.class,
                () -> SegmentFixture.openWithoutWaitingForTheDisk(work, SMALL_SEGMENTS, new Replay()));

        assertEquals(first, corrupt.file());
        assertEquals((long) log.startOf.get(lastOfFirstSegment), corrupt.offset());
    }

    @Test
    void cuttingDamageInAnEarlierSegmentAlsoSetsTheLaterSegmentsAside() throws IOException {
        SegmentFixture log = SegmentFixture.write(root.resolve("original"), SMALL_SEGMENTS, 12, random);
        int lastOfFirstSegment = log.segmentOf.lastIndexOf(log.segmentOf.get(0));
        log.copyTo(work);
        SegmentFixture.flipBit(work.resolve(log.segmentOf.get(0).getFileName()),
                log.startOf.get(lastOfFirstSegment) * 8 + 3);
        long segments = log.segmentOf.stream().distinct().count();

        assertRecoversThenAppends(SMALL_SEGMENTS.withTruncateCorruptTail(true), log.recordsOfFirst(lastOfFirstSegment));

        assertEquals(segments, setAside().size());
    }

    @Test
    void aMissingSegmentIsReportedByName() throws IOException {
        SegmentFixture log = SegmentFixture.write(root.resolve("original"), SMALL_SEGMENTS, 12, random);
        log.copyTo(work);
        Path second = work.resolve(SegmentFiles.path(work, 2).getFileName());
        Files.delete(second);

        CorruptJournalException corrupt = assertThrows(CorruptJournalException.class,
                () -> SegmentFixture.openWithoutWaitingForTheDisk(work, SMALL_SEGMENTS, new Replay()));

        assertEquals(second, corrupt.file());
        assertTrue(corrupt.getMessage().contains("missing"), corrupt.getMessage());
    }

    @Test
    void aFlippedBitInAnyByteOfTheHeaderOfASegmentHoldingRecordsIsReportedAtOffsetZero() throws IOException {
        SegmentFixture log = SegmentFixture.write(root.resolve("original"), ONE_SEGMENT, BATCHES, random);
        Path segment = work.resolve(log.segmentOf.get(0).getFileName());

        for (long at = 0; at < SegmentFormat.HEADER_BYTES; at++) {
            long bit = at * 8 + at % 8;
            log.copyTo(work);
            SegmentFixture.flipBit(segment, bit);

            CorruptJournalException corrupt = assertThrows(CorruptJournalException.class,
                    () -> SegmentFixture.openWithoutWaitingForTheDisk(work, ONE_SEGMENT, new Replay()), "bit " + bit);

            assertEquals(0, corrupt.offset());
        }
    }

    @Test
    void aSegmentFromANewerFormatVersionIsRefusedWithTheVersionInTheMessage() throws IOException {
        SegmentFixture log = SegmentFixture.write(root.resolve("original"), ONE_SEGMENT, BATCHES, random);
        log.copyTo(work);
        Path segment = work.resolve(log.segmentOf.get(0).getFileName());
        byte[] bytes = Files.readAllBytes(segment);
        byte[] header = SegmentFormat.header(1).array();
        header[11] = 2; // format version 2, with a header checksum to match
        CRC32C crc = new CRC32C();
        crc.update(header, 0, 20);
        ByteBuffer.wrap(header).putInt(20, (int) crc.getValue());
        System.arraycopy(header, 0, bytes, 0, header.length);
        Files.write(segment, bytes);

        CorruptJournalException refused = assertThrows(CorruptJournalException.class,
                () -> SegmentFixture.openWithoutWaitingForTheDisk(work, ONE_SEGMENT, new Replay()));

        assertTrue(refused.getMessage().contains("unsupported journal format version 2"), refused.getMessage());
    }

    private void assertRecoversThenAppends(LogOptions options, List<JournalRecord> expected) {
        Replay replay = new Replay();
        List<JournalRecord> appended = Replay.batch(1, 0, 2, random);
        try (RecordLog log = SegmentFixture.openWithoutWaitingForTheDisk(work, options, replay)) {
            assertEquals(expected, replay.records);
            log.append(appended);
        }
        Replay reopened = new Replay();
        SegmentFixture.openWithoutWaitingForTheDisk(work, LogOptions.defaults(), reopened).close();
        assertEquals(Stream.concat(expected.stream(), appended.stream()).toList(), reopened.records);
    }

    private List<Path> setAside() throws IOException {
        try (Stream<Path> files = Files.list(work)) {
            return files.filter(f -> f.getFileName().toString().contains(".corrupt-")).sorted().toList();
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
