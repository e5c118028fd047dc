package dev.timelines.adapters.out.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GroupCommitTest {

    private static final int APPENDERS = 16;
    private static final int APPENDS_EACH = 25;

    @TempDir
    Path dir;

    private final FaultyFileLayer disk = new FaultyFileLayer();
    private final ExecutorService pool = Executors.newFixedThreadPool(APPENDERS);

    @AfterEach
    void stopThePool() {
        pool.shutdownNow();
    }

    @Test
    void concurrentAppendersShareFsyncsInsteadOfTakingOneEach() throws Exception {
        disk.slowForces(Duration.ofMillis(2));
        try (RecordLog log = RecordLog.open(dir, LogOptions.defaults(), new Replay(), disk)) {
            int fsyncsBefore = disk.forces();

            runAppenders(appender -> log.append(Replay.batch(appender, 0, 1, new Random(appender))));

            int fsyncs = disk.forces() - fsyncsBefore;
            int appends = APPENDERS * APPENDS_EACH;
            assertTrue(fsyncs < appends / 2, fsyncs + " fsyncs for " + appends + " appends");
        }
    }

    @Test
    void anAppendReturnsOnlyOnceAnFsyncCoveredItsBytes() throws Exception {
        disk.slowForces(Duration.ofMillis(1));
        AtomicInteger acknowledgedBeforeSynced = new AtomicInteger();
        try (RecordLog log = RecordLog.open(dir, LogOptions.defaults(), new Replay(), disk)) {

            runAppenders(appender -> {
                List<JournalRecord> batch = Replay.batch(appender, 0, 2, new Random(appender));
                LogPosition last = log.append(batch).get(1);
                long end = last.offset() + SegmentFormat.ENTRY_HEADER_BYTES + batch.get(1).payload().length;
                if (disk.syncedBytes(SegmentFiles.path(dir, last.segment())) < end) {
                    acknowledgedBeforeSynced.incrementAndGet();
                }
                return null;
            });
        }
        assertEquals(0, acknowledgedBeforeSynced.get());
    }

    @Test
    void underAnIntervalFsyncsHappenAtMostOncePerPeriod() throws Exception {
        Duration period = Duration.ofMillis(50);
        try (RecordLog log = RecordLog.open(dir, LogOptions.defaults().withFsync(FsyncPolicy.interval(period)),
                new Replay(), disk)) {
            int fsyncsBefore = disk.forces();
            long start = System.nanoTime();

            runAppenders(appender -> {
                Thread.sleep(1);
                return log.append(Replay.batch(appender, 0, 1, new Random(appender)));
            });

            long periods = (System.nanoTime() - start) / period.toNanos();
            int fsyncs = disk.forces() - fsyncsBefore;
            assertTrue(fsyncs <= periods + 1, fsyncs + " fsyncs in " + periods + " periods");
        }
    }

    /** Runs {@link #APPENDS_EACH} appends on each of {@link #APPENDERS} threads at once, failing on any error. */
    private void runAppenders(AppendAction append) throws Exception {
        List<Future<?>> running = new ArrayList<>();
        for (int appender = 0; appender < APPENDERS; appender++) {
            int id = appender;
            Callable<Void> appends = () -> {
                for (int i = 0; i < APPENDS_EACH; i++) {
                    append.run(id);
                }
                return null;
            };
            running.add(pool.submit(appends));
        }
        for (Future<?> appender : running) {
            appender.get();
        }
    }

    @FunctionalInterface
    private interface AppendAction {
        Object run(int appender) throws Exception;
    }
}
