package dev.timelines.adapters.out.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.logging.Level;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TornTailTest {

    private static final LogOptions SMALL_SEGMENTS = LogOptions.defaults().withMaxSegmentBytes(400);

    @TempDir
    Path root;

    @Test
    void truncatingTheSegmentAtEveryByteRecoversExactlyTheCompleteBatchesAndStaysAppendable() throws IOException {
        Random random = new Random(7);
        SegmentFixture log = SegmentFixture.write(root.resolve("original"), LogOptions.defaults(), 8, random);
        Path segment = log.segmentOf.get(0);
        Path work = root.resolve("work");

        try (LogCapture logged = new LogCapture()) {
            for (long cut = 0; cut <= log.endOf.get(7); cut++) {
                log.copyTo(work);
                SegmentFixture.truncate(work.resolve(segment.getFileName()), cut);
                int warningsBefore = logged.messages(Level.WARNING).size();

                assertRecoversThenAppends(work, LogOptions.defaults(), log.recordsOfFirst(batchesEndingBy(log, cut)),
                        "cut at byte " + cut, random);
                boolean atBoundary = cut == SegmentFormat.HEADER_BYTES || log.endOf.contains(cut);
                assertEquals(!atBoundary, logged.messages(Level.WARNING).size() > warningsBefore,
                        "a torn tail is logged, a clean end is not: cut at byte " + cut);
            }
        }
    }

    @Test
    void aSegmentWithAnIncompleteHeaderIsRewrittenAndTheEarlierSegmentsReplay() throws IOException {
        Random random = new Random(8);
        SegmentFixture log = SegmentFixture.write(root.resolve("original"), SMALL_SEGMENTS, 12, random);
        Path last = log.segmentOf.get(11);
        int inEarlierSegments = log.segmentOf.indexOf(last);
        Path work = root.resolve("work");

        try (LogCapture quiet = new LogCapture()) {
            for (long cut = 0; cut <= SegmentFormat.HEADER_BYTES; cut++) {
                log.copyTo(work);
                SegmentFixture.truncate(work.resolve(last.getFileName()), cut);

                assertRecoversThenAppends(work, SMALL_SEGMENTS, log.recordsOfFirst(inEarlierSegments),
                        "last segment cut at byte " + cut, random);
            }
        }
    }

    @Property(tries = 40)
    void cuttingTheLastSegmentAnywhereKeepsExactlyTheBatchesBeforeTheCut(
            @ForAll @IntRange(min = 1, max = 40) int batches,
            @ForAll @IntRange(min = 0, max = 10_000) int cutPermille,
            @ForAll long seed) throws IOException {
        Path temp = Files.createTempDirectory("journal-property");
        try (LogCapture quiet = new LogCapture()) {
            Random random = new Random(seed);
            SegmentFixture log = SegmentFixture.write(temp.resolve("original"), SMALL_SEGMENTS, batches, random);
            Path last = log.segmentOf.get(batches - 1);
            long cut = Files.size(last) * cutPermille / 10_000;
            Path work = temp.resolve("work");
            log.copyTo(work);
            SegmentFixture.truncate(work.resolve(last.getFileName()), cut);

            int kept = 0;
            while (kept < batches && (!log.segmentOf.get(kept).equals(last) || log.endOf.get(kept) <= cut)) {
                kept++;
            }
            assertRecoversThenAppends(work, SMALL_SEGMENTS, log.recordsOfFirst(kept), "cut at byte " + cut, random);
        } finally {
            deleteRecursively(temp);
        }
    }

    /** How many of the fixture's batches (all in one segment) end at or before {@code cut}. */
    private static int batchesEndingBy(SegmentFixture log, long cut) {
        return (int) log.endOf.stream().filter(end -> end <= cut).count();
    }

    /** Opens {@code dir}, expects exactly {@code expected} replayed, appends a batch, and expects both after reopening. */
    private static void assertRecoversThenAppends(
            Path dir, LogOptions options, List<JournalRecord> expected, String situation, Random random) {
        Replay replay = new Replay();
        List<JournalRecord> appended = Replay.batch(1, 0, 2, random);
        try (RecordLog log = SegmentFixture.openWithoutWaitingForTheDisk(dir, options, replay)) {
            assertEquals(expected, replay.records, situation);
            log.append(appended);
        }

        Replay reopened = new Replay();
        SegmentFixture.openWithoutWaitingForTheDisk(dir, options, reopened).close();

        List<JournalRecord> all = new ArrayList<>(expected);
        all.addAll(appended);
        assertEquals(all, reopened.records, situation + ", then appended");
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
