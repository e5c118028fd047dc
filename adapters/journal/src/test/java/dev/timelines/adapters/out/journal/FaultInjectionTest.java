package dev.timelines.adapters.out.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FaultInjectionTest {

    @TempDir
    Path dir;

    private final LogCapture logged = new LogCapture();
    private final FaultyFileLayer disk = new FaultyFileLayer();
    private final Random random = new Random(3);

    @AfterEach
    void stopCapturingTheLog() {
        logged.close();
    }

    @Test
    void aFailedFsyncFailsTheAppendAndTurnsTheLogReadOnlyWithoutEverRetrying() {
        RecordLog log = RecordLog.open(dir, LogOptions.defaults(), new Replay(), disk);
        List<Replay.BatchId> acknowledged = appendBatches(log, 3);
        disk.failForces();

        JournalException failed = assertThrows(JournalException.class, () -> log.append(Replay.batch(0, 3, 2, random)));

        assertFalse(failed instanceof JournalReadOnlyException, "the failing append reports the failure itself");
        assertInstanceOf(IOException.class, failed.getCause());
        assertFalse(log.isWritable());
        int fsyncs = disk.forces();
        JournalReadOnlyException readOnly =
                assertThrows(JournalReadOnlyException.class, () -> log.append(Replay.batch(0, 4, 1, random)));
        assertSame(failed.getCause(), readOnly.getCause());
        log.close();
        assertEquals(fsyncs, disk.forces(), "no fsync is retried, not even by close");
        assertTrue(logged.messages(Level.SEVERE).get(0).contains("read-only until restart"));

        List<Replay.BatchId> replayed = reopen();
        assertEquals(acknowledged, replayed.subList(0, 3));
        assertTrue(replayed.size() <= 4, "at most the unacknowledged batch more, and then whole");
    }

    @Test
    void aFailedWriteFailsTheAppendAndTurnsTheLogReadOnly() {
        RecordLog log = RecordLog.open(dir, LogOptions.defaults(), new Replay(), disk);
        List<Replay.BatchId> acknowledged = appendBatches(log, 3);
        disk.failWrites();

        JournalException failed = assertThrows(JournalException.class, () -> log.append(Replay.batch(0, 3, 2, random)));

        assertTrue(failed.getCause().getMessage().contains("No space left on device"));
        assertFalse(log.isWritable());
        assertThrows(JournalReadOnlyException.class, () -> log.append(Replay.batch(0, 4, 1, random)));
        log.close();
        assertEquals(acknowledged, reopen());
    }

    @Test
    void aWriteTheKernelRefusesOnAFullDeviceFailsTheAppendAndTurnsTheLogReadOnly() {
        assumeTrue(Files.isWritable(FullDevice.PATH), "needs " + FullDevice.PATH);
        RecordLog first = RecordLog.open(dir, LogOptions.defaults(), new Replay());
        List<Replay.BatchId> acknowledged = appendBatches(first, 2);
        first.close();
        RecordLog log = RecordLog.open(dir, LogOptions.defaults(), new Replay(), new FullDevice());

        JournalException failed = assertThrows(JournalException.class, () -> log.append(Replay.batch(0, 2, 1, random)));

        assertTrue(failed.getCause().getMessage().contains("No space left on device"), failed.getCause().getMessage());
        assertThrows(JournalReadOnlyException.class, () -> log.append(Replay.batch(0, 3, 1, random)));
        log.close();
        assertEquals(acknowledged, reopen());
    }

    @Test
    void underAnIntervalAFailedBackgroundFsyncTurnsTheLogReadOnly() {
        RecordLog log = RecordLog.open(dir, LogOptions.defaults().withFsync(FsyncPolicy.interval(Duration.ofMillis(10))),
                new Replay(), disk);
        disk.failForces();

        log.append(Replay.batch(0, 0, 1, random));

        assertTrue(eventually(() -> !log.isWritable()), "the background fsync failed");
        assertThrows(JournalReadOnlyException.class, () -> log.append(Replay.batch(0, 1, 1, random)));
        log.close();
    }

    @Test
    void underAnIntervalTheWriterThreadFsyncsWithoutWaitingForMoreAppends() throws IOException {
        try (RecordLog log = RecordLog.open(dir,
                LogOptions.defaults().withFsync(FsyncPolicy.interval(Duration.ofMillis(20))), new Replay(), disk)) {
            Path segment = SegmentFiles.path(dir, log.append(Replay.batch(0, 0, 3, random)).get(0).segment());
            long written = Files.size(segment);

            assertTrue(eventually(() -> disk.syncedBytes(segment) == written), "synced within the period");
        }
    }

    @Test
    void underAnIntervalAcknowledgedAppendsSurviveAProcessCrashButMayBeLostToAPowerLoss(@TempDir Path crashed)
            throws IOException {
        RecordLog log = RecordLog.open(dir, LogOptions.defaults().withFsync(FsyncPolicy.interval(Duration.ofHours(1))),
                new Replay(), disk);
        List<Replay.BatchId> acknowledged = appendBatches(log, 5);
        Path segment = SegmentFiles.path(dir, 1);

        assertEquals(SegmentFormat.HEADER_BYTES, disk.syncedBytes(segment), "acknowledged before any fsync");
        Files.copy(segment, crashed.resolve(segment.getFileName()));
        assertEquals(acknowledged, reopen(crashed), "the kernel still had every written byte");

        disk.powerLoss(random);
        assertThrows(JournalException.class, log::close, "close reports that the last appends were not made durable");
        List<Replay.BatchId> survivors = reopen();
        assertEquals(acknowledged.subList(0, survivors.size()), survivors, "a prefix, and whole batches only");
    }

    private List<Replay.BatchId> appendBatches(RecordLog log, int count) {
        List<Replay.BatchId> appended = new ArrayList<>();
        for (int sequence = 0; sequence < count; sequence++) {
            log.append(Replay.batch(0, sequence, 1 + random.nextInt(3), random));
            appended.add(new Replay.BatchId(0, sequence));
        }
        return appended;
    }

    private List<Replay.BatchId> reopen() {
        return reopen(dir);
    }

    private static List<Replay.BatchId> reopen(Path dir) {
        Replay replay = new Replay();
        RecordLog.open(dir, LogOptions.defaults(), replay).close();
        return replay.batches();
    }

    private static boolean eventually(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.onSpinWait();
        }
        return true;
    }

    /** Real segment files whose appends go to the kernel's /dev/full, which fails every write with ENOSPC. */
    private static final class FullDevice implements FileLayer {

        static final Path PATH = Path.of("/dev/full");

        private final RealFileLayer real = new RealFileLayer();

        @Override
        public SegmentFile create(Path file) throws IOException {
            return real.create(file);
        }

        @Override
        public SegmentFile open(Path file) throws IOException {
            SegmentFile segment = real.open(file);
            SegmentFile full = real.open(PATH);
            return new SegmentFile() {
                @Override
                public long size() throws IOException {
                    return segment.size();
                }

                @Override
                public void readFully(ByteBuffer target, long position) throws IOException {
                    segment.readFully(target, position);
                }

                @Override
                public void append(ByteBuffer... buffers) throws IOException {
                    full.append(buffers);
                }

                @Override
                public void writeAt(ByteBuffer bytes, long position) throws IOException {
                    full.append(bytes);
                }

                @Override
                public void force() throws IOException {
                    segment.force();
                }

                @Override
                public void truncate(long size) throws IOException {
                    segment.truncate(size);
                }

                @Override
                public void close() throws IOException {
                    try (full) {
                        segment.close();
                    }
                }
            };
        }

        @Override
        public void move(Path from, Path to) throws IOException {
            real.move(from, to);
        }

        @Override
        public void delete(Path file) throws IOException {
            real.delete(file);
        }

        @Override
        public void forceDirectory(Path dir) throws IOException {
            real.forceDirectory(dir);
        }
    }
}
