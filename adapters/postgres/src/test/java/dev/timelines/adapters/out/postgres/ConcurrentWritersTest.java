package dev.timelines.adapters.out.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.timelines.adapters.out.memory.InMemoryEventStore;
import dev.timelines.application.port.out.KeyRange;
import dev.timelines.domain.Event;
import dev.timelines.domain.EventId;
import dev.timelines.domain.IncomingEvent;
import dev.timelines.domain.IngestResult;
import dev.timelines.domain.JsonValue;
import dev.timelines.domain.TimelineKey;
import dev.timelines.domain.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Writers racing on the same timelines, events out of order, the same ids sent by several writers, a timeline
 * deleted and an index built while they write: nothing is lost or doubled, and every answer across timelines
 * equals the memory engine's over the events PostgreSQL ended up with (restored with their seqs).
 */
class ConcurrentWritersTest {

    private static final int WRITERS = 6;
    private static final int BATCHES = 25;
    private static final Timestamp RECEIVED = new Timestamp(SameAnswers.BASE);

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void racingWritersLeaveTheIndexesAsSortedArrivalWould() throws Exception {
        PostgresEventStore postgres = PostgresEventStore.open(EmbeddedServer.newSchema(), 16);
        postgres.statesAt(SameAnswers.ATTRIBUTES.get(0), SameAnswers.NOW);
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS + 1);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<IngestResult>> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            Random random = new Random(w);
            writers.add(pool.submit(() -> {
                start.await();
                IngestResult total = IngestResult.NOTHING;
                for (int b = 0; b < BATCHES; b++) {
                    total = total.plus(postgres.append(batch(random, b), RECEIVED));
                }
                return total;
            }));
        }
        Future<?> meddler = pool.submit((Callable<Void>) () -> {
            start.await();
            Thread.sleep(200);
            postgres.delete(new TimelineKey("b"));
            postgres.values(SameAnswers.ATTRIBUTES.get(1));
            return null;
        });
        start.countDown();
        IngestResult sent = IngestResult.NOTHING;
        for (Future<IngestResult> writer : writers) {
            sent = sent.plus(writer.get());
        }
        meddler.get();
        pool.shutdown();

        assertEquals(WRITERS * BATCHES * 4, sent.accepted() + sent.duplicates());
        InMemoryEventStore memory = restored(postgres);
        new SameAnswers(memory, postgres, new Random(1)).compareEverything(true);
    }

    /** Four events for random timelines; ids are shared between writers, so some writers send the same event. */
    private static List<IncomingEvent> batch(Random random, int batch) {
        List<IncomingEvent> events = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String key = List.of("a", "b", "é").get(random.nextInt(3));
            Optional<EventId> id = random.nextBoolean() ? Optional.of(new EventId(batch + "-" + i)) : Optional.empty();
            JsonValue status = SameAnswers.VALUES.get(random.nextInt(4));
            JsonValue.Obj data = new JsonValue.Obj(Map.of("status", status,
                    "order", SameAnswers.obj("status", status)));
            events.add(new IncomingEvent(new TimelineKey(key),
                    new Timestamp(SameAnswers.BASE + random.nextInt(20) * 500_000L), id, data));
        }
        return events;
    }

    /** The memory engine holding exactly what PostgreSQL holds, seqs included; each id stored once per timeline. */
    private static InMemoryEventStore restored(PostgresEventStore postgres) {
        InMemoryEventStore memory = new InMemoryEventStore();
        for (TimelineKey key : postgres.keys(new KeyRange("", Optional.empty(), 100))) {
            List<Event> events = postgres.timeline(key).orElseThrow().events();
            List<EventId> ids = events.stream().flatMap(event -> event.id().stream()).toList();
            assertEquals(ids.size(), Set.copyOf(ids).size(), "an id stored twice in " + key);
            events.forEach(event -> memory.restore(key, event));
        }
        return memory;
    }
}
