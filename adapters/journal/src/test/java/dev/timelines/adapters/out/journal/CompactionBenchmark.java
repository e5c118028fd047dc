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
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Measures compaction on a realistic journal: {@value #EVENTS} small events in {@value #TIMELINES} timelines,
 * half of the timelines deleted. Prints how long compaction and replay before and after it take, and the bytes
 * reclaimed. Segments of 16 MiB rather than the default 64, so that most of the journal is in closed
 * segments, which are all compaction touches.
 * A benchmark, not a test: its name does not end in Test, so a build does not run it. Run it with
 *
 * <pre>
 * ./mvnw -B -q -pl adapters/journal -am test -Dtest=CompactionBenchmark \
 *     -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 */
class CompactionBenchmark {

    private static final int EVENTS = 1_000_000;
    private static final int TIMELINES = 10_000;
    private static final int BATCH = 1_000;
    private static final int REPLAYS = 3;
    private static final LogOptions OPTIONS = LogOptions.defaults().withMaxSegmentBytes(16L << 20)
            .withCompaction(CompactionPolicy.onRequestOnly());

    @TempDir
    Path dir;

    @Test
    void compactingAJournalWithHalfItsTimelinesDeleted() throws IOException {
        // Written with an interval fsync, to set the journal up quickly: what is measured does not append.
        try (JournalEventStore journal = JournalEventStore.open(dir,
                OPTIONS.withFsync(FsyncPolicy.interval(Duration.ofMillis(100))), new InMemoryEventStore())) {
            Timestamp received = new Timestamp(1_700_000_000_000_000L);
            for (int first = 0; first < EVENTS; first += BATCH) {
                List<IncomingEvent> batch = new ArrayList<>(BATCH);
                for (int event = first; event < first + BATCH; event++) {
                    batch.add(event(event));
                }
                journal.append(batch, received);
            }
            for (int timeline = 0; timeline < TIMELINES; timeline += 2) {
                journal.delete(key(timeline));
            }
        }
        long bytesBefore = CompactionTest.sizeOnDisk(dir);
        int segmentsBefore = SegmentFiles.list(dir).size();
        StoreState before = replay("before compaction");

        CompactionResult result;
        try (JournalEventStore journal = JournalEventStore.open(dir, OPTIONS, new InMemoryEventStore())) {
            long started = System.nanoTime();
            result = journal.compact().join();
            report("compaction", started);
        }
        StoreState after = replay("after compaction");

        assertEquals(before, after);
        System.out.printf("%d events in %d timelines, half of them deleted: %d bytes in %d segments became %d bytes"
                + " in %d (the %d closed ones compacted into %d)%n", EVENTS, TIMELINES, bytesBefore, segmentsBefore,
                CompactionTest.sizeOnDisk(dir), SegmentFiles.list(dir).size(), result.segmentsBefore(),
                result.segmentsAfter());
    }

    /** Opens the journal {@link #REPLAYS} times, printing the replay times, and returns what it replays to. */
    private StoreState replay(String when) {
        StoreState state = null;
        for (int run = 0; run < REPLAYS; run++) {
            InMemoryEventStore memory = new InMemoryEventStore();
            long started = System.nanoTime();
            JournalEventStore.open(dir, OPTIONS, memory).close();
            report("replay " + when + " (run " + (run + 1) + ")", started);
            state = StoreState.of(memory);
        }
        return state;
    }

    private static void report(String what, long startedNanos) {
        System.out.printf("%s: %d ms%n", what, (System.nanoTime() - startedNanos) / 1_000_000);
    }

    /** A small event: some 60 bytes of data, in timeline {@code n % TIMELINES}. */
    private static IncomingEvent event(int n) {
        JsonValue.Obj data = new JsonValue.Obj(Map.of(
                "status", new JsonValue.Str(n % 3 == 0 ? "open" : "closed"),
                "amount", new JsonValue.Num(BigDecimal.valueOf(n % 1000, 2))));
        return new IncomingEvent(key(n % TIMELINES), new Timestamp(1_600_000_000_000_000L + n * 1_000_000L),
                Optional.of(new EventId("event-" + n)), data);
    }

    private static TimelineKey key(int timeline) {
        return new TimelineKey("device-" + timeline);
    }
}
