package dev.timelines.adapters.out.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FsyncListenerTest {

    @TempDir
    Path dir;

    private final FaultyFileLayer disk = new FaultyFileLayer();
    private final Random random = new Random(7);

    @Test
    void everyFsyncIsReportedWithHowLongItTook() {
        disk.slowForces(Duration.ofMillis(3));
        List<Long> reported = new CopyOnWriteArrayList<>();
        LogOptions options = LogOptions.defaults().withFsyncListener(reported::add);
        try (RecordLog log = RecordLog.open(dir, options, new Replay(), disk)) {
            int fsyncsBefore = disk.forces();
            int reportedBefore = reported.size();
            for (int sequence = 0; sequence < 5; sequence++) {
                log.append(Replay.batch(0, sequence, 1, random));
            }
            assertEquals(disk.forces() - fsyncsBefore, reported.size() - reportedBefore);
            long injectedDelay = Duration.ofMillis(3).toNanos();
            assertTrue(reported.stream().allMatch(nanos -> nanos >= injectedDelay), reported::toString);
        }
    }

    @Test
    void aFailingListenerNeitherFailsAnAppendNorTurnsTheJournalReadOnly() {
        LogOptions options = LogOptions.defaults().withFsyncListener(nanos -> {
            throw new IllegalStateException("a broken metrics registry");
        });
        try (RecordLog log = RecordLog.open(dir, options, new Replay(), disk)) {
            log.append(Replay.batch(0, 0, 1, random));
            log.append(Replay.batch(0, 1, 1, random));
            assertTrue(log.isWritable());
        }
    }
}
