package dev.timelines.domain;

import static dev.timelines.domain.Json.obj;
import static dev.timelines.domain.Json.str;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class EventTest {

    private static final Timestamp AT = new Timestamp(1_680_945_987_000_000L);
    private static final Timestamp RECEIVED = new Timestamp(1_700_000_000_000_000L);

    @Test
    void anIncomingEventIsStoredWithItsSeqAndReceptionTime() {
        IncomingEvent incoming = new IncomingEvent(new TimelineKey("t"), AT, Optional.of(new EventId("e1")),
                obj("status", str("a")));

        Event stored = incoming.stored(42, RECEIVED);

        assertEquals(new Event(AT, 42, RECEIVED, Optional.of(new EventId("e1")), obj("status", str("a"))), stored);
    }

    @Test
    void anIncomingEventNeedsEveryPart() {
        TimelineKey key = new TimelineKey("t");
        assertThrows(IllegalArgumentException.class, () -> new IncomingEvent(null, AT, Optional.empty(), obj()));
        assertThrows(IllegalArgumentException.class, () -> new IncomingEvent(key, null, Optional.empty(), obj()));
        assertThrows(IllegalArgumentException.class, () -> new IncomingEvent(key, AT, null, obj()));
        assertThrows(IllegalArgumentException.class, () -> new IncomingEvent(key, AT, Optional.empty(), null));
    }

    @Test
    void aStoredEventNeedsEveryPart() {
        assertThrows(IllegalArgumentException.class, () -> new Event(null, 1, RECEIVED, Optional.empty(), obj()));
        assertThrows(IllegalArgumentException.class, () -> new Event(AT, 1, null, Optional.empty(), obj()));
        assertThrows(IllegalArgumentException.class, () -> new Event(AT, 1, RECEIVED, null, obj()));
        assertThrows(IllegalArgumentException.class, () -> new Event(AT, 1, RECEIVED, Optional.empty(), null));
    }

    @Test
    void timelineOrderIsTimestampThenSeq() {
        Event early = new Event(AT, 9, RECEIVED, Optional.empty(), obj());
        Event tiedLater = new Event(AT.plusMicros(1), 1, RECEIVED, Optional.empty(), obj());
        Event tiedSecond = new Event(AT.plusMicros(1), 2, RECEIVED, Optional.empty(), obj());

        assertEquals(-1, Integer.signum(Event.TIMELINE_ORDER.compare(early, tiedLater)));
        assertEquals(-1, Integer.signum(Event.TIMELINE_ORDER.compare(tiedLater, tiedSecond)));
        assertEquals(1, Integer.signum(Event.TIMELINE_ORDER.compare(tiedSecond, early)));
    }

    @Test
    void ingestResultsAddUp() {
        assertEquals(new IngestResult(5, 3), new IngestResult(2, 1).plus(new IngestResult(3, 2)));
        assertEquals(new IngestResult(2, 1), IngestResult.NOTHING.plus(new IngestResult(2, 1)));
    }
}
