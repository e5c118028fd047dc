package dev.timelines.adapters.out.memory;

import static dev.timelines.application.port.out.StoreFixtures.key;
import static dev.timelines.application.port.out.StoreFixtures.seconds;
import static dev.timelines.application.port.out.StoreFixtures.status;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The counts operations read (store size metrics) follow what is stored, duplicates and deletes included. */
class StoreCountsTest {

    private final InMemoryEventStore store = new InMemoryEventStore();

    @Test
    void countsFollowAppendsDuplicatesAbandonedBatchesAndDeletes() {
        store.append(List.of(status("a", 1, "e1", "new"), status("a", 2, "paid"), status("b", 1, "new")), seconds(9));
        store.append(List.of(status("a", 1, "e1", "new")), seconds(9));
        store.abandon(store.admit(List.of(status("c", 1, "new")), seconds(9)));
        assertEquals(3, store.eventCount());
        assertEquals(2, store.timelineCount());

        store.delete(key("a"));
        store.delete(key("never-stored"));
        assertEquals(1, store.eventCount());
        assertEquals(1, store.timelineCount());
    }
}
