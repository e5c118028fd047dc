package dev.timelines.adapters.out.postgres;

import static dev.timelines.adapters.out.postgres.SameAnswers.BASE;
import static dev.timelines.adapters.out.postgres.SameAnswers.KEYS;
import static dev.timelines.adapters.out.postgres.SameAnswers.VALUES;
import static dev.timelines.adapters.out.postgres.SameAnswers.num;
import static dev.timelines.adapters.out.postgres.SameAnswers.obj;
import static dev.timelines.adapters.out.postgres.SameAnswers.str;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.timelines.adapters.out.memory.InMemoryEventStore;
import dev.timelines.domain.EventId;
import dev.timelines.domain.IncomingEvent;
import dev.timelines.domain.JsonValue;
import dev.timelines.domain.TimelineKey;
import dev.timelines.domain.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Every question across timelines, asked of PostgreSQL, equals the memory engine's answer over random stores
 * fed the same requests: events out of order, equal timestamps, missing attributes, repeated values, nested
 * pointers and array indexes, explicit null, 1 and 1.0, objects, duplicate ids and deletes. Some attributes are
 * indexed before the first event (so every ingest repairs them), the others only when asked at the end (so the
 * index is built over the store); one store keeps a single index at a time, so questions drop and rebuild them.
 * Seeded: a failure names its round, and the same seed replays it. A longer run:
 * {@code mvn -pl adapters/postgres test -Dtest=CrossTimelineDifferentialTest -Drounds=300 -Dseed=7}.
 */
class CrossTimelineDifferentialTest {

    private static final long SEED = Long.getLong("seed", 20_230_408L);
    private static final int ROUNDS = Integer.getInteger("rounds", 24);
    private static final Timestamp RECEIVED = new Timestamp(BASE);

    @Test
    void everyAnswerEqualsTheMemoryEngines() {
        Random random = new Random(SEED);
        for (int round = 0; round < ROUNDS; round++) {
            int maxIndexes = round % 4 == 3 ? 1 : 16;
            playRound(random, maxIndexes, "round " + round + " of seed " + SEED);
        }
    }

    private static void playRound(Random random, int maxIndexes, String round) {
        InMemoryEventStore memory = new InMemoryEventStore();
        PostgresEventStore postgres = PostgresEventStore.open(EmbeddedServer.newSchema(), maxIndexes);
        SameAnswers answers = new SameAnswers(memory, postgres, random);
        if (random.nextBoolean()) {
            SameAnswers.ATTRIBUTES.subList(0, 2).forEach(attribute -> {
                memory.statesAt(attribute, SameAnswers.NOW);
                postgres.statesAt(attribute, SameAnswers.NOW);
            });
        }
        boolean deleted = false;
        int steps = 2 + random.nextInt(8);
        for (int step = 0; step < steps; step++) {
            int kind = random.nextInt(10);
            if (kind < 7) {
                List<IncomingEvent> batch = batch(random);
                assertEquals(memory.append(batch, RECEIVED), postgres.append(batch, RECEIVED), round);
            } else if (kind < 8) {
                TimelineKey key = new TimelineKey(KEYS.get(random.nextInt(KEYS.size())));
                boolean existed = memory.delete(key);
                assertEquals(existed, postgres.delete(key), round);
                deleted |= existed;
            } else {
                answers.compareEverything(!deleted);
            }
        }
        answers.compareEverything(!deleted);
    }

    private static List<IncomingEvent> batch(Random random) {
        List<IncomingEvent> events = new ArrayList<>();
        for (int i = 1 + random.nextInt(8); i > 0; i--) {
            Timestamp at = new Timestamp(BASE + random.nextInt(25) * 500_000L);
            Optional<EventId> id = random.nextInt(10) < 3
                    ? Optional.of(new EventId("i" + random.nextInt(3)))
                    : Optional.empty();
            events.add(new IncomingEvent(new TimelineKey(KEYS.get(random.nextInt(KEYS.size()))), at, id, data(random)));
        }
        return events;
    }

    /** Data with a top-level and a nested status and a list of tags, each often missing, other members now and then. */
    private static JsonValue.Obj data(Random random) {
        Map<String, JsonValue> members = new LinkedHashMap<>();
        if (random.nextInt(4) == 0) {
            members.put(List.of("note", "a", "é", "Z").get(random.nextInt(4)), str("x"));
        }
        if (random.nextInt(10) < 7) {
            members.put("status", value(random));
        }
        switch (random.nextInt(5)) {
            case 0 -> members.put("order", obj("status", value(random)));
            case 1 -> members.put("order", str("flat"));
            case 2 -> members.put("order", obj("other", num("1")));
            default -> {
            }
        }
        if (random.nextInt(3) == 0) {
            List<JsonValue> tags = new ArrayList<>();
            for (int i = random.nextInt(3); i >= 0; i--) {
                tags.add(value(random));
            }
            members.put("tags", random.nextInt(4) == 0 ? obj("1", value(random)) : new JsonValue.Arr(tags));
        }
        return new JsonValue.Obj(members);
    }

    private static JsonValue value(Random random) {
        return VALUES.get(random.nextInt(VALUES.size()));
    }
}
