package dev.timelines.adapters.out.memory;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.timelines.domain.Event;
import dev.timelines.domain.EventId;
import dev.timelines.domain.JsonValue;
import dev.timelines.domain.TimelineEvent;
import dev.timelines.domain.TimelineKey;
import dev.timelines.domain.Timestamp;
import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** An event's frame gives back exactly the event, alone (Kafka) or in a batch (the journal). */
class EventBytesTest {

    @Property(tries = 300)
    void aBatchGivesBackExactlyItsEvents(@ForAll("events") List<TimelineEvent> events) throws IOException {
        List<TimelineEvent> read = EventBytes.batch(EventBytes.batch(events));

        assertEquals(events.size(), read.size());
        for (int i = 0; i < events.size(); i++) {
            assertExactly(events.get(i), read.get(i));
        }
    }

    @Property(tries = 300)
    void oneEventGivesBackExactlyItselfInTheBytesItsSizeSays(@ForAll("events") List<TimelineEvent> events)
            throws IOException {
        for (TimelineEvent event : events) {
            byte[] frame = EventBytes.of(event.timeline(), event.event());
            assertEquals(EventBytes.FORMAT, frame[0]);
            assertEquals(frame.length, EventBytes.size(event.timeline(), event.event()));
            assertExactly(event, EventBytes.from(frame));
        }
    }

    @Test
    void aFrameCutShortOrFollowedByMoreIsNotAnEvent() {
        Event event = new Event(new Timestamp(1), 1, new Timestamp(2), Optional.of(new EventId("id")),
                new JsonValue.Obj(Map.of("status", new JsonValue.Str("paid"))));
        byte[] frame = EventBytes.of(new TimelineKey("k"), event);

        assertThrows(IOException.class, () -> EventBytes.from(Arrays.copyOf(frame, frame.length - 1)));
        assertThrows(IOException.class, () -> EventBytes.from(Arrays.copyOf(frame, frame.length + 1)));
        byte[] batch = EventBytes.batch(List.of(new TimelineEvent(new TimelineKey("k"), event)));
        assertThrows(IOException.class, () -> EventBytes.batch(Arrays.copyOf(batch, batch.length - 1)));
    }

    @Test
    void aSmallEventTakesAFewBytesMoreThanItsKeyAndText() {
        Event event = new Event(new Timestamp(1_735_690_134_339_000L), 1_000_000, new Timestamp(1_765_000_000_000_000L),
                Optional.empty(), new JsonValue.Obj(Map.of("status", new JsonValue.Str("created"))));
        byte[] frame = EventBytes.of(new TimelineKey("order-014220"), event);

        // format 1, key 14, timestamp 8, seq 3, received 8, no id 1, data 20 (tag, count, name inline 9, value 9):
        // the first format took 68 (key 16, times and seq 24, no id 1, data 27)
        assertArrayEquals(new byte[] {EventBytes.FORMAT}, Arrays.copyOf(frame, 1));
        assertEquals(55, frame.length);
    }

    @Provide
    Arbitrary<List<TimelineEvent>> events() {
        Arbitrary<TimelineKey> key = Arbitraries.oneOf(Arbitraries.strings().alpha().numeric().withChars("/-_ü")
                .ofMinLength(3).ofMaxLength(20), Arbitraries.of("🚚/1", "order-014220")).map(TimelineKey::new);
        Arbitrary<Timestamp> time = Arbitraries.longs().between(Timestamp.MIN.micros(), Timestamp.MAX.micros())
                .map(Timestamp::new);
        Arbitrary<Optional<EventId>> id = Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8)
                .map(EventId::new).optional();
        Arbitrary<JsonValue.Obj> data = Arbitraries.maps(Arbitraries.strings().all().ofMaxLength(4),
                DataCodecTest.value(2)).ofMaxSize(4).map(map -> new JsonValue.Obj(new LinkedHashMap<>(map)));
        Arbitrary<Event> event = Combinators.combine(time, Arbitraries.longs().greaterOrEqual(1), time, id, data)
                .as(Event::new);
        return Combinators.combine(key, event).as(TimelineEvent::new).list().ofMaxSize(5);
    }

    private static void assertExactly(TimelineEvent expected, TimelineEvent actual) {
        assertEquals(expected.timeline(), actual.timeline());
        assertEquals(expected.event().timestamp(), actual.event().timestamp());
        assertEquals(expected.event().seq(), actual.event().seq());
        assertEquals(expected.event().received(), actual.event().received());
        assertEquals(expected.event().id(), actual.event().id());
        assertEquals(DataCodecTest.exact(expected.event().data()), DataCodecTest.exact(actual.event().data()));
    }
}
