package dev.timelines.adapters.out.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.timelines.adapters.out.memory.InMemoryEventStore;
import dev.timelines.domain.EventId;
import dev.timelines.domain.IncomingEvent;
import dev.timelines.domain.JsonValue;
import dev.timelines.domain.TimelineKey;
import dev.timelines.domain.Timestamp;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Measures how long opening a journal of {@code journal.benchmark.events} events (default 1M) in 10,000
 * timelines takes, each run into an empty memory engine: from the snapshot written at close, then by a full
 * replay. Also how long the close that writes the snapshot takes. With {@code journal.benchmark.dir} the
 * journal is kept there, and written only if that directory holds none yet.
 * A benchmark, not a test: its name does not end in Test, so a build does not run it. Run it with
 *
 * <pre>
 * ./mvnw -B -q -pl adapters/journal -am test -Dtest=RestartBenchmark \
 *     -Dsurefire.failIfNoSpecifiedTests=false [-Djournal.benchmark.events=10000000] [-Djournal.benchmark.dir=DIR]
 * </pre>
 */
class RestartBenchmark {

    private static final int EVENTS = Integer.getInteger("journal.benchmark.events", 1_000_000);
    private static final int TIMELINES = 10_000;
    private static final int BATCH = 1_000;
    private static final int RESTARTS = 3;
    private static final LogOptions OPTIONS = LogOptions.defaults();

    @TempDir
    Path temporary;
    private Path dir;

    @Test
    void restartingAJournal() throws IOException {
        dir = Optional.ofNullable(System.getProperty("journal.benchmark.dir")).map(Path::of).orElse(temporary);
        if (!Files.exists(dir) || SegmentFiles.list(dir).isEmpty()) {
            write();
        }
        for (int run = 1; run <= RESTARTS; run++) {
            restart("restart " + run + " from the snapshot");
        }
        Files.delete(dir.resolve(SnapshotFile.NAME));
        restart("restart by a full replay (its close writes the snapshot again)");
    }

    private void write() {
        // Written with an interval fsync, to set the journal up quickly: what is measured does not append. No
        // background snapshots either: the one at close is measured.
        JournalEventStore writing = JournalEventStore.open(dir, OPTIONS.withFsync(FsyncPolicy.interval(
                Duration.ofMillis(100))).withSnapshot(new SnapshotPolicy(true, 0)), new InMemoryEventStore());
        Timestamp received = new Timestamp(1_700_000_000_000_000L);
        for (int first = 0; first < EVENTS; first += BATCH) {
            List<IncomingEvent> batch = new ArrayList<>(BATCH);
            for (int event = first; event < first + BATCH; event++) {
                batch.add(event(event));
            }
            writing.append(batch, received);
        }
        long closing = System.nanoTime();
        writing.close();
        report("close, writing the snapshot", closing);
    }

    private void restart(String what) {
        InMemoryEventStore memory = new InMemoryEventStore();
        long started = System.nanoTime();
        JournalEventStore journal = JournalEventStore.open(dir, OPTIONS, memory);
        report(what, started);
        assertEquals(EVENTS, memory.eventCount());
        journal.close();
    }

    private static void report(String what, long startedNanos) {
        System.out.printf("%s, %d events: %d ms%n", what, EVENTS, (System.nanoTime() - startedNanos) / 1_000_000);
    }

    /** A small event: a few fields of data, in timeline {@code n % TIMELINES}, arriving out of time order. */
    private static IncomingEvent event(int n) {
        JsonValue.Obj data = new JsonValue.Obj(Map.of(
                "status", new JsonValue.Str(n % 3 == 0 ? "open" : "closed"),
                "amount", new JsonValue.Num(BigDecimal.valueOf(n % 1000, 2)),
                "site", new JsonValue.Str("site-" + n % 17)));
        long timestamp = 1_600_000_000_000_000L + (n ^ 0x5) * 1_000_000L;
        return new IncomingEvent(key(n % TIMELINES), new Timestamp(timestamp),
                Optional.of(new EventId("event-" + n)), data);
    }

    private static TimelineKey key(int timeline) {
        return new TimelineKey("device-" + timeline);
    }
}
