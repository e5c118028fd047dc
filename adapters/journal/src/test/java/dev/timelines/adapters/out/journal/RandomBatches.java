package dev.timelines.adapters.out.journal;

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

/** Random batches over a few timelines: timestamps in any order, ids that repeat, some events without one. */
final class RandomBatches {

    private final int timelines;

    RandomBatches(int timelines) {
        this.timelines = timelines;
    }

    List<IncomingEvent> batch(Random random) {
        List<IncomingEvent> batch = new ArrayList<>();
        for (int i = 1 + random.nextInt(4); i > 0; i--) {
            Optional<EventId> id = random.nextInt(4) == 0 ? Optional.empty()
                    : Optional.of(new EventId("id-" + random.nextInt(30)));
            JsonValue.Obj data = new JsonValue.Obj(Map.of("state", new JsonValue.Str("s" + random.nextInt(3))));
            Timestamp timestamp = new Timestamp(random.nextInt(1000) * 1_000_000L);
            batch.add(new IncomingEvent(key(random.nextInt(timelines)), timestamp, id, data));
        }
        return batch;
    }

    /** One of the timelines, at random. */
    TimelineKey anyKey(Random random) {
        return key(random.nextInt(timelines));
    }

    static TimelineKey key(int timeline) {
        return new TimelineKey("t" + timeline);
    }
}
