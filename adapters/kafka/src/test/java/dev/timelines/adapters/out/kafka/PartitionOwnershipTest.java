package dev.timelines.adapters.out.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.timelines.application.port.out.StorageStartingException;
import dev.timelines.domain.Event;
import dev.timelines.domain.IncomingEvent;
import dev.timelines.domain.JsonValue;
import dev.timelines.domain.Timeline;
import dev.timelines.domain.TimelineKey;
import dev.timelines.domain.Timestamp;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A node answers only for the whole store: while a second member of its group holds some partitions, it refuses
 * reads and writes naming the partitions it lacks (never a silently partial answer), and once that member has
 * left it owns every partition again, rebuilt from the topic, and answers as before. Meanwhile the group's own
 * assignment tells each member the address of every partition's owner ({@link AddressAssignor}).
 */
class PartitionOwnershipTest {

    private static final Timestamp RECEIVED = new Timestamp(1_700_000_000_000_000L);
    private static final TimelineKey KEY = new TimelineKey("t");

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void aNodeRefusesNamingThePartitionsItLacksAndAnswersAgainOnceItOwnsThemAll() throws Exception {
        KafkaStoreOptions options = KafkaStores.options("ownership");
        try (KafkaEventStore first = KafkaEventStore.open(options)) {
            first.append(List.of(event(1), event(2)), RECEIVED);
            List<Event> stored = first.timeline(KEY).map(Timeline::events).orElseThrow();

            // A second node of the same group: it opens once it has applied the partitions it was given.
            KafkaEventStore second = KafkaEventStore.open(new KafkaStoreOptions(options.bootstrapServers(),
                    options.topic(), options.partitions(), options.replication(), options.group(), "node-2",
                    "http://node-2", Duration.ofSeconds(60), Map.of()));
            StorageStartingException refused = awaitRefusalFor(first, "http://node-2");
            assertTrue(refused.getMessage().matches(".*partitions \\[[0-3](, [0-3])*\\] of topic ownership.*"),
                    refused.getMessage());
            assertEquals(Set.of(0, 1, 2, 3), first.owners().byPartition().keySet(), "every partition has an owner");
            assertEquals(Set.of("http://node-1", "http://node-2"), Set.copyOf(first.owners().byPartition().values()));
            assertThrows(StorageStartingException.class, () -> first.append(List.of(event(3)), RECEIVED));
            assertThrows(StorageStartingException.class, () -> second.timeline(KEY),
                    "the second node cannot answer for the whole store either");

            second.close();
            assertEquals(Optional.of(stored), awaitAnswer(first));
            assertEquals(Map.of(0, "http://node-1", 1, "http://node-1", 2, "http://node-1", 3, "http://node-1"),
                    first.owners().byPartition(), "the members' addresses travel in the group's own assignment");
        }
    }

    /**
     * The refusal once the node has caught up with the partitions it kept: it names exactly those the group's
     * assignment gives to the other member, at its address.
     */
    private static StorageStartingException awaitRefusalFor(KafkaEventStore store, String other)
            throws InterruptedException {
        for (int attempt = 0; attempt < 600; attempt++) {
            try {
                store.timeline(KEY);
            } catch (StorageStartingException refused) {
                List<Integer> others = store.owners().byPartition().entrySet().stream()
                        .filter(owner -> owner.getValue().equals(other)).map(Map.Entry::getKey).toList();
                if (!others.isEmpty() && refused.getMessage().contains("partitions " + others + " of")) {
                    return refused;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the node did not refuse for the partitions the group gave to " + other);
    }

    private static Optional<List<Event>> awaitAnswer(KafkaEventStore store) throws InterruptedException {
        for (int attempt = 0; attempt < 1200; attempt++) {
            try {
                return store.timeline(KEY).map(Timeline::events);
            } catch (StorageStartingException notYet) {
                Thread.sleep(50);
            }
        }
        throw new AssertionError("the node did not own every partition again after the other member left");
    }

    private static IncomingEvent event(int n) {
        return new IncomingEvent(KEY, new Timestamp(RECEIVED.micros() + n), Optional.empty(),
                new JsonValue.Obj(Map.of("n", new JsonValue.Num(BigDecimal.valueOf(n)))));
    }
}
