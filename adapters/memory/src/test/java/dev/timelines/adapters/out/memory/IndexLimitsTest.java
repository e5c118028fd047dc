package dev.timelines.adapters.out.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.timelines.application.port.in.AttributeTooDiverseException;
import dev.timelines.application.model.ValueUsage;
import dev.timelines.application.model.Scope;
import dev.timelines.application.question.PartialStateCounts;
import dev.timelines.domain.Attribute;
import dev.timelines.domain.IncomingEvent;
import dev.timelines.domain.JsonValue;
import dev.timelines.domain.TimelineKey;
import dev.timelines.domain.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The policy of docs/semantics.md: attributes with too many values are refused, not scanned or indexed. */
class IndexLimitsTest {

    private static final Attribute NOTE = new Attribute("note");
    private static final Attribute STATUS = new Attribute("status");
    private static final Timestamp RECEIVED = new Timestamp(0);

    private final InMemoryEventStore store = new InMemoryEventStore(new IndexLimits(3, 16));

    @Test
    void anAttributeWithMoreValuesThanTheLimitIsRefusedWhenFirstAsked() {
        store.append(events(4), RECEIVED);

        AttributeTooDiverseException refusal = assertThrows(AttributeTooDiverseException.class,
                () -> store.values(NOTE, Optional.empty()));
        assertEquals(NOTE, refusal.attribute());
        assertEquals(List.of(new ValueUsage(new JsonValue.Str("paid"), 4, 4)), store.values(STATUS, Optional.empty()));
    }

    @Test
    void anIndexedAttributeThatOutgrowsTheLimitIsRefusedFromThenOn() {
        store.append(events(3), RECEIVED);
        assertEquals(3, store.values(NOTE, Optional.empty()).size());

        store.append(List.of(event(3)), RECEIVED);

        assertThrows(AttributeTooDiverseException.class, () -> store.values(NOTE, Optional.empty()));
        assertThrows(AttributeTooDiverseException.class, () -> store.statesAt(NOTE, new PartialStateCounts(RECEIVED, Scope.ALL, false)));
        assertEquals(1, store.timeline(new TimelineKey("t3")).orElseThrow().events().size(), "ingest goes on");
    }

    @Test
    void valuesOfDeletedTimelinesStopCountingTowardsTheLimit() {
        store.append(events(3), RECEIVED);
        assertEquals(3, store.values(NOTE, Optional.empty()).size());

        store.delete(new TimelineKey("t0"));
        store.append(List.of(event(3)), RECEIVED);

        assertEquals(3, store.values(NOTE, Optional.empty()).size());
    }

    private static List<IncomingEvent> events(int count) {
        return IntStream.range(0, count).mapToObj(IndexLimitsTest::event).toList();
    }

    /** One event of its own timeline with a note of its own and a shared status. */
    private static IncomingEvent event(int i) {
        return new IncomingEvent(new TimelineKey("t" + i), new Timestamp(i), Optional.empty(), new JsonValue.Obj(
                Map.of("note", new JsonValue.Str("note " + i), "status", new JsonValue.Str("paid"))));
    }
}
