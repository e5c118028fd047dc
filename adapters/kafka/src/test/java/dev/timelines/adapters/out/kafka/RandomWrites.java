package dev.timelines.adapters.out.kafka;

import dev.timelines.domain.EventId;
import dev.timelines.domain.IncomingEvent;
import dev.timelines.domain.JsonValue;
import dev.timelines.domain.TimelineKey;
import dev.timelines.domain.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Random requests of a writer owning every partition, for the stream's tests: events of twenty timelines (in every
 * one of 4 partitions) out of time order (seconds 0 to 49 after {@code base}), repeated ids and values, and deletes
 * of timelines that have events.
 */
public final class RandomWrites {

    /** Enough that the keys hash to every one of 4 partitions, with either prefix the tests use. */
    private static final int TIMELINES = 20;

    private RandomWrites() {
    }

    /** Writes {@code requests} requests to timelines named {@code prefix} and a digit. */
    public static void write(KafkaEventStore writer, Random random, int requests, String prefix, Timestamp base) {
        for (int request = 0; request < requests; request++) {
            TimelineKey deleted = new TimelineKey(prefix + random.nextInt(TIMELINES));
            if (random.nextInt(7) == 0 && writer.timeline(deleted).isPresent()) {
                writer.delete(deleted);
                continue;
            }
            List<IncomingEvent> events = new ArrayList<>();
            for (int event = 0; event < 1 + random.nextInt(8); event++) {
                Optional<EventId> id = random.nextInt(3) == 0 ? Optional.of(new EventId("e" + random.nextInt(6)))
                        : Optional.empty();
                events.add(new IncomingEvent(new TimelineKey(prefix + random.nextInt(TIMELINES)),
                        new Timestamp(base.micros() + random.nextInt(50) * 1_000_000L), id, new JsonValue.Obj(
                        Map.of("status", new JsonValue.Str("v" + random.nextInt(4))))));
            }
            writer.append(events, base);
        }
    }
}
