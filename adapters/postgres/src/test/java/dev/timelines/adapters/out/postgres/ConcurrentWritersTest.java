package dev.timelines.adapters.out.postgres;

import static dev.timelines.application.port.out.StoreFixtures.ORDER_STATUS;
import static dev.timelines.application.port.out.StoreFixtures.STATUS;
import static dev.timelines.application.port.out.StoreFixtures.num;
import static dev.timelines.application.port.out.StoreFixtures.obj;
import static dev.timelines.application.port.out.StoreFixtures.str;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.timelines.application.model.ValueUsage;
import dev.timelines.application.port.out.KeyRange;
import dev.timelines.application.port.out.StayScan;
import dev.timelines.application.port.out.StaySelection;
import dev.timelines.domain.Attribute;
import dev.timelines.domain.Event;
import dev.timelines.domain.EventId;
import dev.timelines.domain.IncomingEvent;
import dev.timelines.domain.IngestResult;
import dev.timelines.domain.JsonValue;
import dev.timelines.domain.Stay;
import dev.timelines.domain.Timeline;
import dev.timelines.domain.TimelineKey;
import dev.timelines.domain.Timestamp;
import dev.timelines.domain.Window;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
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
 * deleted and an index built while they write: nothing is lost or doubled, and each attribute's index (its
 * change points and value counts, which the scans and every fast path read) holds what the domain makes of the
 * events PostgreSQL ended up with: {@link Timeline#stays} and the values the events carry.
 */
class ConcurrentWritersTest {

    private static final int WRITERS = 6;
    private static final int BATCHES = 25;
    private static final long BASE = 1_680_945_987_000_000L;
    private static final Timestamp RECEIVED = new Timestamp(BASE);
    private static final List<JsonValue> VALUES = List.of(str("a"), str("b"), str("c"), num("1"));
    private static final StaySelection EVERY_STAY = StaySelection.of(new StaySelection.EnteredIn(Window.ALL));

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void racingWritersLeaveTheIndexesAsSortedArrivalWould() throws Exception {
        PostgresEventStore postgres = PostgresEventStore.open(EmbeddedServer.newSchema(), 16);
        postgres.values(STATUS, Optional.empty());
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
            postgres.values(ORDER_STATUS, Optional.empty());
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
        List<Timeline> stored = storedTimelines(postgres);
        for (Attribute attribute : List.of(STATUS, ORDER_STATUS)) {
            assertEquals(staysOf(stored, attribute), scannedStays(postgres, attribute), attribute.name());
            assertEquals(valuesOf(stored, attribute), Set.copyOf(postgres.values(attribute, Optional.empty())), attribute.name());
        }
    }

    /** Four events for random timelines; ids are shared between writers, so some writers send the same event. */
    private static List<IncomingEvent> batch(Random random, int batch) {
        List<IncomingEvent> events = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String key = List.of("a", "b", "é").get(random.nextInt(3));
            Optional<EventId> id = random.nextBoolean() ? Optional.of(new EventId(batch + "-" + i)) : Optional.empty();
            JsonValue status = VALUES.get(random.nextInt(VALUES.size()));
            events.add(new IncomingEvent(new TimelineKey(key), new Timestamp(BASE + random.nextInt(20) * 500_000L),
                    id, obj("status", status, "order", obj("status", status))));
        }
        return events;
    }

    /** The timelines PostgreSQL holds; each id stored once per timeline. */
    private static List<Timeline> storedTimelines(PostgresEventStore postgres) {
        List<Timeline> timelines = new ArrayList<>();
        for (TimelineKey key : postgres.keys(new KeyRange("", Optional.empty(), 100), Optional.empty())) {
            Timeline timeline = postgres.timeline(key).orElseThrow();
            List<EventId> ids = timeline.events().stream().flatMap(event -> event.id().stream()).toList();
            assertEquals(ids.size(), Set.copyOf(ids).size(), "an id stored twice in " + key);
            timelines.add(timeline);
        }
        return timelines;
    }

    private static Map<TimelineKey, List<Stay>> staysOf(List<Timeline> timelines, Attribute attribute) {
        Map<TimelineKey, List<Stay>> stays = new HashMap<>();
        for (Timeline timeline : timelines) {
            List<Stay> held = timeline.stays(attribute);
            if (!held.isEmpty()) {
                stays.put(timeline.key(), held);
            }
        }
        return stays;
    }

    private static Map<TimelineKey, List<Stay>> scannedStays(PostgresEventStore postgres, Attribute attribute) {
        Map<TimelineKey, List<Stay>> stays = new HashMap<>();
        postgres.stays(new StayScan(attribute, EVERY_STAY, Set.of(), Optional.empty()), timeline -> assertEquals(null,
                stays.put(timeline.key(), timeline.stays()), "a timeline handed over twice"));
        return stays;
    }

    /** Per value, the events carrying it and their timelines; each value has one spelling here. */
    private static Set<ValueUsage> valuesOf(List<Timeline> timelines, Attribute attribute) {
        Map<JsonValue, Long> events = new HashMap<>();
        Map<JsonValue, Set<TimelineKey>> carriers = new HashMap<>();
        for (Timeline timeline : timelines) {
            for (Event event : timeline.events()) {
                attribute.valueIn(event.data()).ifPresent(value -> {
                    events.merge(value, 1L, Long::sum);
                    carriers.computeIfAbsent(value, carried -> new HashSet<>()).add(timeline.key());
                });
            }
        }
        Set<ValueUsage> usage = new HashSet<>();
        events.forEach((value, count) -> usage.add(new ValueUsage(value, count, carriers.get(value).size())));
        return usage;
    }
}
