package dev.timelines.adapters.out.memory;

import static dev.timelines.application.port.out.StoreFixtures.key;
import static dev.timelines.application.port.out.StoreFixtures.seconds;
import static dev.timelines.application.port.out.StoreFixtures.status;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.timelines.domain.Event;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Publishing goes to the timeline found at admission, unless a deletion removed that timeline in between. */
class AdmissionTest {

    private final InMemoryEventStore store = new InMemoryEventStore();

    @Test
    void anEventAdmittedBeforeItsTimelineIsDeletedShowsInTheTimelineStartedAnew() {
        store.append(List.of(status("a", 1, "new")), seconds(9));
        Admission admission = store.admit(List.of(status("a", 2, "paid")), seconds(10));
        store.delete(key("a"));
        store.publish(admission);

        List<Event> events = store.timeline(key("a")).orElseThrow().events();
        assertEquals(1, events.size());
        assertEquals(2, events.get(0).seq());
        assertEquals(1, store.timelineCount());
        assertEquals(1, store.eventCount());
    }

    @Test
    void eventsOfOneBatchForTheSameNewTimelineLandInOneTimeline() {
        store.append(List.of(status("b", 2, "paid"), status("b", 1, "new"), status("c", 1, "new")), seconds(9));

        assertEquals(2, store.timeline(key("b")).orElseThrow().events().size());
        assertEquals(2, store.timelineCount());
    }
}
