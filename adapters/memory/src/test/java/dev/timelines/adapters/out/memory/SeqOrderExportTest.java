package dev.timelines.adapters.out.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.timelines.domain.Event;
import dev.timelines.domain.IncomingEvent;
import dev.timelines.domain.JsonValue;
import dev.timelines.domain.TimelineEvent;
import dev.timelines.domain.TimelineKey;
import dev.timelines.domain.Timestamp;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The engine's export in seq order across many windows of seqs ({@link SeqWindow}): timelines that span several
 * windows, events that arrive late (so a timeline's seqs are not in its timestamp order), and seqs far apart after
 * an import, which the windows jump over; and the same export read a page at a time ({@link
 * InMemoryEventStore#eventsFrom}), pages of any size cutting windows anywhere.
 */
class SeqOrderExportTest {

    private final InMemoryEventStore store = new InMemoryEventStore();
    private final Random random = new Random(7);

    private static JsonValue.Obj data(int n) {
        return new JsonValue.Obj(Map.of("n", new JsonValue.Num(BigDecimal.valueOf(n))));
    }

    private List<TimelineEvent> exported(Optional<TimelineKey> timeline) {
        List<TimelineEvent> events = new ArrayList<>();
        store.inSeqOrder(timeline, events::add);
        return events;
    }

    /** What the timelines hold, sorted by seq: the order an export must give. */
    private List<TimelineEvent> heldInSeqOrder(List<TimelineKey> keys) {
        List<TimelineEvent> held = new ArrayList<>();
        for (TimelineKey key : keys) {
            store.timeline(key).ifPresent(timeline -> timeline.events()
                    .forEach(event -> held.add(new TimelineEvent(key, event))));
        }
        held.sort(Comparator.comparingLong(event -> event.event().seq()));
        return held;
    }

    @Test
    void manyWindowsLateArrivalsAndFarApartSeqsComeOutInSeqOrder() {
        List<TimelineKey> keys = List.of(new TimelineKey("a"), new TimelineKey("b"), new TimelineKey("c"));
        int batches = (int) (2.5 * SeqWindow.SEQS / 100);
        for (int batch = 0; batch < batches; batch++) {
            List<IncomingEvent> request = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                request.add(new IncomingEvent(keys.get(random.nextInt(keys.size())),
                        Timestamp.ofEpochSeconds(BigDecimal.valueOf(random.nextInt(1_000_000))), Optional.empty(),
                        data(batch * 100 + i)));
            }
            store.append(request, Timestamp.ofEpochSeconds(BigDecimal.valueOf(1_700_000_000L + batch)));
        }
        Timestamp later = Timestamp.ofEpochSeconds(BigDecimal.valueOf(1_800_000_000L));
        store.restore(List.of(
                new TimelineEvent(keys.get(0), new Event(later, 1_000_000, later, Optional.empty(), data(-1))),
                new TimelineEvent(keys.get(2), new Event(later, 5_000_000_000L, later, Optional.empty(), data(-2))),
                new TimelineEvent(keys.get(0), new Event(later, 5_000_000_001L, later, Optional.empty(), data(-3)))));

        List<TimelineEvent> all = exported(Optional.empty());

        assertEquals(batches * 100 + 3, all.size());
        assertEquals(heldInSeqOrder(keys), all);
        assertEquals(heldInSeqOrder(List.of(keys.get(0))), exported(Optional.of(keys.get(0))));
        for (int limit : List.of(1, 7, (int) SeqWindow.SEQS - 1, (int) SeqWindow.SEQS, 100_000)) {
            assertEquals(all, paged(limit), "pages of " + limit);
        }
    }

    /** The pages of at most {@code limit} events from seq 0 on, one after the other. */
    private List<TimelineEvent> paged(int limit) {
        List<TimelineEvent> events = new ArrayList<>();
        SeqWindow page = store.eventsFrom(0, limit);
        events.addAll(page.events());
        while (page.next().isPresent()) {
            assertEquals(limit, page.events().size(), "only the last page is short");
            page = store.eventsFrom(page.next().getAsLong(), limit);
            events.addAll(page.events());
        }
        return events;
    }
}
