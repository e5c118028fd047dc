package dev.timelines.adapters.out.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.timelines.adapters.out.memory.InMemoryEventStore;
import dev.timelines.domain.EventId;
import dev.timelines.domain.IncomingEvent;
import dev.timelines.domain.JsonValue;
import dev.timelines.domain.TimelineKey;
import dev.timelines.domain.Timestamp;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Measures how long opening a journal of {@code journal.benchmark.events} events (default 1M) in 10,000
 * timelines takes, each run into an empty memory engine: from the snapshot written at close, then by a full
 * replay. Also how long the close that writes the snapshot takes. Run on request only:
 *
 * <pre>
 * mvn -B -q -pl adapters/journal -am test -Djournal.benchmark=true -Dtest=RestartBenchmarkTest \
 *     -Dsurefire.failIfNoSpecifiedTests=false [-Djournal.benchmark.events=10000000]
 * </pre>
 */
@EnabledIfSystemProperty(named = "journal.benchmark", matches = "true")
class RestartBenchmarkTest {

    private static final int EVENTS = Integer.getInteger("journal.benchmark.events", 1_000_000);
    private static final int TIMELINES = 10_000;
    private static final int BATCH = 1_000;
    private static final int RESTARTS = 3;
    private static final LogOptions OPTIONS = LogOptions.defaults();
    private static final LogOptions NO_SNAPSHOTS = OPTIONS.withSnapshot(SnapshotPolicy.disabled());

    @TempDir
    Path dir;

    @Test
    void restartingAJournal() {
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
        for (int run = 1; run <= RESTARTS; run++) {
            restart("restart " + run + " from the snapshot", OPTIONS);
        }
        restart("restart by a full replay", NO_SNAPSHOTS);
    }

    private void restart(String what, LogOptions options) {
        InMemoryEventStore memory = new InMemoryEventStore();
        long started = System.nanoTime();
        JournalEventStore journal = JournalEventStore.open(dir, options, memory);
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
