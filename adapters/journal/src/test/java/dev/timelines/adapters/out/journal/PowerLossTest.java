package dev.timelines.adapters.out.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PowerLossTest {

    private static final int APPENDERS = 8;
    // Small segments, so that power losses also strike around roll-overs.
    private static final LogOptions OPTIONS = LogOptions.defaults().withMaxSegmentBytes(2048);

    @TempDir
    Path dir;

    private final LogCapture logged = new LogCapture();
    private final ExecutorService pool = Executors.newFixedThreadPool(APPENDERS + 1);

    @AfterEach
    void stopThePoolAndTheCapture() {
        pool.shutdownNow();
        logged.close();
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void everyAcknowledgedBatchSurvivesAPowerLossAmidConcurrentAppends(long seed) throws Exception {
        assertAcknowledgedBatchesSurviveAPowerLoss(seed, false);
    }

    /** Compactions drop appender 0's batches from closed segments; the other appenders' batches must all stay. */
    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void everyAcknowledgedBatchSurvivesAPowerLossAmidConcurrentAppendsAndCompactions(long seed) throws Exception {
        assertAcknowledgedBatchesSurviveAPowerLoss(seed, true);
    }

    private void assertAcknowledgedBatchesSurviveAPowerLoss(long seed, boolean compacting) throws Exception {
        Random random = new Random(seed);
        FaultyFileLayer disk = new FaultyFileLayer();
        disk.slowForces(Duration.ofMillis(1));
        RecordLog log = RecordLog.open(dir, OPTIONS, new Replay(), disk);
        AtomicIntegerArray lastAcknowledged = new AtomicIntegerArray(APPENDERS);
        for (int appender = 0; appender < APPENDERS; appender++) {
            lastAcknowledged.set(appender, -1);
            int id = appender;
            pool.submit(() -> appendUntilItFails(log, id, new Random(seed * 31 + id), lastAcknowledged));
        }
        AtomicInteger compactions = new AtomicInteger();
        if (compacting) {
            pool.submit(() -> compactUntilItFails(log, compactions));
        }

        int acknowledgedBeforePowerLoss = 100 + random.nextInt(300);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (acknowledged(lastAcknowledged) < acknowledgedBeforePowerLoss) {
            assertTrue(System.nanoTime() < deadline, "the appenders stalled before the power loss");
            Thread.sleep(1);
        }
        disk.powerLoss(random);
        pool.shutdown();
        assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS), "every appender saw the failure");
        log.close();
        assertEquals(compacting, compactions.get() > 0, compactions + " compactions reclaimed something");

        Replay replay = new Replay();
        RecordLog.open(dir, OPTIONS, replay).close();
        List<Replay.BatchId> batches = replay.batches();
        for (int appender = compacting ? 1 : 0; appender < APPENDERS; appender++) {
            int id = appender;
            List<Integer> sequences = batches.stream().filter(b -> b.appender() == id).map(Replay.BatchId::sequence).toList();
            int acknowledged = lastAcknowledged.get(appender);
            assertEquals(IntStream.range(0, sequences.size()).boxed().toList(), sequences,
                    "appender " + id + "'s batches, in the order it appended them");
            assertTrue(sequences.size() - 1 >= acknowledged, "appender " + id + " lost acknowledged batch "
                    + acknowledged + "; " + sequences.size() + " survived");
            assertTrue(sequences.size() - 1 <= acknowledged + 1, "at most the one append in flight more");
        }
    }

    private static Void compactUntilItFails(RecordLog log, AtomicInteger compactions) {
        try {
            while (true) {
                CompactionResult result = log.compact(log.activeSegment() - 1, LogCompactionTest.dropping(0, List.of()));
                if (result.reclaimedBytes() > 0) {
                    compactions.incrementAndGet();
                }
                Thread.sleep(1);
            }
        } catch (JournalException | IllegalStateException | InterruptedException powerLost) {
            return null;
        }
    }

    private static Void appendUntilItFails(RecordLog log, int appender, Random random, AtomicIntegerArray acknowledged) {
        for (int sequence = 0; ; sequence++) {
            try {
                log.append(Replay.batch(appender, sequence, 1 + random.nextInt(4), random));
            } catch (JournalException powerLost) {
                return null;
            }
            acknowledged.set(appender, sequence);
        }
    }

    private static int acknowledged(AtomicIntegerArray lastAcknowledged) {
        int total = 0;
        for (int appender = 0; appender < lastAcknowledged.length(); appender++) {
            total += lastAcknowledged.get(appender) + 1;
        }
        return total;
    }
}
