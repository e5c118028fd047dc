package dev.timelines.adapters.out.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.timelines.application.port.out.KeyRange;
import dev.timelines.domain.Attribute;
import dev.timelines.domain.Event;
import dev.timelines.domain.EventId;
import dev.timelines.domain.IncomingEvent;
import dev.timelines.domain.IngestResult;
import dev.timelines.domain.JsonValue;
import dev.timelines.domain.Timeline;
import dev.timelines.domain.TimelineKey;
import dev.timelines.domain.Timestamp;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** A store loaded from an image, written out and read back, answers like the store it was taken from. */
class MemoryImageTest {

    private static final KeyRange ALL = new KeyRange("", Optional.empty(), Integer.MAX_VALUE);

    @Property(tries = 50)
    void aLoadedImageAnswersLikeItsStore(@ForAll Random random) throws IOException {
        InMemoryEventStore original = new InMemoryEventStore();
        List<IncomingEvent> last = List.of();
        for (int step = 0; step < 40; step++) {
            if (random.nextInt(6) == 0) {
                original.delete(key(random.nextInt(5)));
            } else {
                last = batch(random);
                original.append(last, new Timestamp(step * 1_000L));
            }
        }

        InMemoryEventStore loadedOnce = new InMemoryEventStore();
        loadedOnce.load(roundTrip(original.image()));
        // Taken again before anything decoded the loaded ids: they pass through still encoded.
        InMemoryEventStore loaded = new InMemoryEventStore();
        loaded.load(roundTrip(loadedOnce.image()));

        assertEquals(original.keys(ALL, Optional.empty()), loaded.keys(ALL, Optional.empty()));
        for (TimelineKey key : original.keys(ALL, Optional.empty())) {
            assertEquals(events(original, key), events(loaded, key), key.value());
        }
        assertEquals(original.eventCount(), loaded.eventCount());
        assertEquals(original.timelineCount(), loaded.timelineCount());
        assertEquals(original.attributeNames(Optional.empty(), 100, Optional.empty()), loaded.attributeNames(Optional.empty(), 100, Optional.empty()));
        assertEquals(original.values(new Attribute("state"), Optional.empty()), loaded.values(new Attribute("state"), Optional.empty()));
        // Ids and the next seq carry over: a retry is recognised, and a new event gets the same seq in both.
        Timestamp later = new Timestamp(1_000_000L);
        assertEquals(original.append(last, later), loaded.append(last, later));
        List<IncomingEvent> next = batch(random);
        assertEquals(original.append(next, later), loaded.append(next, later));
        for (TimelineKey key : original.keys(ALL, Optional.empty())) {
            assertEquals(events(original, key), events(loaded, key), key.value());
        }
    }

    @Test
    void stringsWithLoneSurrogatesSurvive() throws IOException {
        InMemoryEventStore original = new InMemoryEventStore();
        TimelineKey key = new TimelineKey("k\uD83D\uDE9Aey");
        JsonValue.Obj data = new JsonValue.Obj(Map.of("n\uDC00ame", new JsonValue.Str("v\uD83D\uDE9A\uD800")));
        original.append(List.of(new IncomingEvent(key, new Timestamp(5), Optional.of(new EventId("i\uDFFFd")), data)),
                new Timestamp(7));

        InMemoryEventStore loaded = new InMemoryEventStore();
        loaded.load(roundTrip(original.image()));

        assertEquals(events(original, key), events(loaded, key));
    }

    @Test
    void anImageLoadsOnlyIntoANewStore() {
        InMemoryEventStore used = new InMemoryEventStore();
        used.append(List.of(event(key(1), 1, "a")), new Timestamp(1));

        assertThrows(IllegalStateException.class, () -> used.load(new InMemoryEventStore().image()));
    }

    @Test
    void aDuplicateIdIsRecognisedAfterLoading() throws IOException {
        InMemoryEventStore original = new InMemoryEventStore();
        original.append(List.of(event(key(1), 10, "a")), new Timestamp(1));

        InMemoryEventStore loaded = new InMemoryEventStore();
        loaded.load(roundTrip(original.image()));

        assertEquals(new IngestResult(0, 1), loaded.append(List.of(event(key(1), 20, "a")), new Timestamp(2)));
        assertEquals(new IngestResult(1, 0), loaded.append(List.of(event(key(1), 20, "b")), new Timestamp(2)));
    }

    private static Optional<List<Event>> events(InMemoryEventStore store, TimelineKey key) {
        return store.timeline(key).map(Timeline::events);
    }

    private static MemoryImage roundTrip(MemoryImage image) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            image.writeTo(out);
        }
        return MemoryImage.readFrom(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
    }

    /** Events out of time order, some with ids that repeat, some without. */
    private static List<IncomingEvent> batch(Random random) {
        List<IncomingEvent> batch = new ArrayList<>();
        for (int i = 1 + random.nextInt(4); i > 0; i--) {
            String id = random.nextInt(3) == 0 ? null : "id-" + random.nextInt(20);
            batch.add(event(key(random.nextInt(5)), random.nextInt(100), id));
        }
        return batch;
    }

    private static IncomingEvent event(TimelineKey key, long micros, String id) {
        JsonValue.Obj data = new JsonValue.Obj(Map.of("state", new JsonValue.Str("s" + micros % 3),
                "amount", new JsonValue.Num(BigDecimal.valueOf(micros, 2))));
        return new IncomingEvent(key, new Timestamp(micros), Optional.ofNullable(id).map(EventId::new), data);
    }

    private static TimelineKey key(int n) {
        return new TimelineKey("t" + n);
    }
}
