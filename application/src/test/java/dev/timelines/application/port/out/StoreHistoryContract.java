package dev.timelines.application.port.out;

import static dev.timelines.application.port.out.StoreFixtures.key;
import static dev.timelines.application.port.out.StoreFixtures.obj;
import static dev.timelines.application.port.out.StoreFixtures.seconds;
import static dev.timelines.application.port.out.StoreFixtures.str;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.timelines.domain.Attribute;
import dev.timelines.domain.Event;
import dev.timelines.domain.EventId;
import dev.timelines.domain.IncomingEvent;
import dev.timelines.domain.IngestResult;
import dev.timelines.domain.JsonValue;
import dev.timelines.domain.Stay;
import dev.timelines.domain.Timeline;
import dev.timelines.domain.TimelineKey;
import dev.timelines.domain.Timestamp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * What every storage promises through {@link StoreHistory} (docs/architecture.md, "One contract"): random appends
 * (late events, repeated ids), deletions and timelines created again, and restarts where the adapter has them;
 * after each step, for random seqs S ≤ U up to the durable seq, {@code changed(S, U)} is the set of timelines the
 * writes with a seq in (S, U] wrote, {@code asOf(key, S)} is the timeline built from the writes up to S and
 * {@code staysAsOf(keys, attribute, S)} their stays (of a top-level and of a nested attribute), all computed here by
 * brute force from the writes as the store acknowledged them. Below the horizon they refuse.
 */
public abstract class StoreHistoryContract {

    private static final Timestamp RECEIVED = seconds(1_700_000_000);
    private static final List<TimelineKey> KEYS = List.of(key("a"), key("b"), key("c"), key("d"));
    /** A top-level attribute and a nested one: an adapter may read them differently. */
    private static final List<Attribute> ATTRIBUTES = List.of(new Attribute("status"),
            new Attribute("/order/status"));

    /** A store under test: its write side, what it stored, and its history; may be one object. */
    public record Store(EventLog log, TimelineReader reader, StoreHistory history) {
    }

    /** A new, empty store, independent of every other; the adapter may keep little history, to test the horizon. */
    protected abstract Store newStore(Random random);

    /**
     * The store after a restart (a clean stop, or a crash, as the adapter can), or the same store where the adapter
     * has no restart: an acknowledged write is never lost, and the history goes on from where it was.
     */
    protected Store restarted(Store store, Random random) {
        return store;
    }

    /** Releases what the store holds (files, connections) at the end of a try. */
    protected void close(Store store) {
    }

    /** One write as acknowledged: an event stored at its seq, or (event empty) a deletion that took the seq. */
    private record Write(long seq, TimelineKey key, Optional<Event> event) {
    }

    @Property(tries = 30)
    void theHistoryIsThatOfTheAcknowledgedWrites(@ForAll Random random) throws InterruptedException {
        Store store = newStore(random);
        try {
            new Run(random, store).play(80);
        } finally {
            close(store);
        }
    }

    private final class Run {

        private final Random random;
        private final List<Write> writes = new ArrayList<>();
        private final AtomicLong heard = new AtomicLong();
        private Store store;
        private List<IncomingEvent> lastBatch = List.of();
        private long horizon;

        Run(Random random, Store store) {
            this.random = random;
            this.store = store;
            store.history().onDurable(heard::incrementAndGet);
        }

        void play(int steps) throws InterruptedException {
            for (int step = 0; step < steps; step++) {
                int action = random.nextInt(100);
                if (action < 55) {
                    lastBatch = batch();
                    append(lastBatch, step);
                } else if (action < 65) {
                    append(lastBatch, step);
                } else if (action < 85) {
                    delete(KEYS.get(random.nextInt(KEYS.size())), step);
                } else if (action < 92) {
                    store = restarted(store, random);
                    store.history().onDurable(heard::incrementAndGet);
                    assertTrue(store.history().durable() >= lastSeq(), "after a restart at step " + step
                            + " the durable seq covers every acknowledged write");
                }
                check(step);
            }
        }

        private List<IncomingEvent> batch() {
            List<IncomingEvent> batch = new ArrayList<>();
            for (int i = 1 + random.nextInt(5); i > 0; i--) {
                Optional<EventId> id = random.nextBoolean() ? Optional.of(new EventId("e" + random.nextInt(8)))
                        : Optional.empty();
                JsonValue status = str(List.of("x", "y", "z").get(random.nextInt(3)));
                JsonValue.Obj data = switch (random.nextInt(6)) {
                    case 0 -> obj("other", str("o"));
                    case 1 -> obj("order", obj("status", status));
                    default -> obj("status", status, "other", str("o"));
                };
                batch.add(new IncomingEvent(KEYS.get(random.nextInt(KEYS.size())),
                        seconds(1_000 + random.nextInt(30)), id, data));
            }
            return batch;
        }

        private void append(List<IncomingEvent> batch, int step) throws InterruptedException {
            if (batch.isEmpty()) {
                return;
            }
            long before = store.history().durable();
            long heardBefore = heard.get();
            IngestResult result = store.log().append(batch, RECEIVED);
            long after = store.history().durable();
            List<Write> stored = new ArrayList<>();
            for (TimelineKey key : new HashSet<>(batch.stream().map(IncomingEvent::timeline).toList())) {
                store.reader().timeline(key).ifPresent(timeline -> timeline.events().stream()
                        .filter(event -> event.seq() > before && event.seq() <= after)
                        .forEach(event -> stored.add(new Write(event.seq(), key, Optional.of(event)))));
            }
            assertEquals(result.accepted(), stored.size(), "step " + step + ": the durable seq rose from " + before
                    + " to " + after + ", over every event the append acknowledged");
            stored.sort(Comparator.comparingLong(Write::seq));
            stored.forEach(this::add);
            if (result.accepted() > 0) {
                awaitHeard(heardBefore, step);
            }
        }

        private void delete(TimelineKey key, int step) throws InterruptedException {
            long before = store.history().durable();
            long heardBefore = heard.get();
            boolean deleted = store.log().delete(key);
            assertEquals(modelAsOf(key, Long.MAX_VALUE).isPresent(), deleted, "step " + step);
            if (deleted) {
                long after = store.history().durable();
                assertTrue(after > before, "step " + step + ": the deletion took a durable seq");
                add(new Write(after, key, Optional.empty()));
                awaitHeard(heardBefore, step);
            }
        }

        private void add(Write write) {
            assertTrue(write.seq() > lastSeq(), "seq " + write.seq() + " follows every earlier write");
            writes.add(write);
        }

        private long lastSeq() {
            return writes.isEmpty() ? 0 : writes.get(writes.size() - 1).seq();
        }

        /** The listener may be called on the adapter's own thread, a little after the write returned. */
        private void awaitHeard(long before, int step) throws InterruptedException {
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (heard.get() == before && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
            assertTrue(heard.get() > before, "step " + step + ": the durable listener heard of the write");
        }

        private void check(int step) {
            StoreHistory history = store.history();
            long durable = history.durable();
            long now = history.horizon();
            assertTrue(now >= horizon, "step " + step + ": the horizon never falls (" + horizon + ", then " + now
                    + ")");
            assertTrue(now <= durable, "step " + step + ": the horizon " + now + " lies at or below the durable seq "
                    + durable);
            horizon = now;
            for (int probe = 0; probe < 4; probe++) {
                long upTo = (long) (random.nextDouble() * (durable + 1));
                long after = random.nextInt(4) == 0 ? durable : (long) (random.nextDouble() * (upTo + 1));
                after = Math.min(after, upTo);
                String at = "step " + step + ", (" + after + ", " + upTo + "], horizon " + now;
                if (after < now) {
                    long s = after;
                    assertThrows(HistoryGoneException.class, () -> history.changed(s, upTo), at);
                    assertThrows(HistoryGoneException.class, () -> history.asOf(KEYS.get(0), s), at);
                    assertThrows(HistoryGoneException.class,
                            () -> history.staysAsOf(KEYS, ATTRIBUTES.get(0), s), at);
                    continue;
                }
                assertEquals(modelChanged(after, upTo), history.changed(after, upTo), at);
                for (Attribute attribute : ATTRIBUTES) {
                    List<TimelineKey> some = KEYS.subList(random.nextInt(KEYS.size()), KEYS.size());
                    for (long seq : List.of(after, upTo)) {
                        assertEquals(modelStays(some, attribute, seq), history.staysAsOf(some, attribute, seq),
                                at + ", stays of " + attribute.name() + " as of " + seq);
                    }
                }
                for (TimelineKey key : KEYS) {
                    assertEquals(modelAsOf(key, after).map(Timeline::events),
                            history.asOf(key, after).map(Timeline::events), at + ", " + key + " as of " + after);
                    assertEquals(modelAsOf(key, upTo).map(Timeline::events),
                            history.asOf(key, upTo).map(Timeline::events), at + ", " + key + " as of " + upTo);
                }
            }
        }

        private Set<TimelineKey> modelChanged(long after, long upTo) {
            Set<TimelineKey> changed = new HashSet<>();
            writes.stream().filter(write -> write.seq() > after && write.seq() <= upTo)
                    .forEach(write -> changed.add(write.key()));
            return changed;
        }

        private Map<TimelineKey, List<Stay>> modelStays(List<TimelineKey> keys, Attribute attribute, long seq) {
            Map<TimelineKey, List<Stay>> stays = new HashMap<>();
            keys.forEach(key -> stays.put(key, modelAsOf(key, seq).map(timeline -> timeline.stays(attribute))
                    .orElse(List.of())));
            return stays;
        }

        private Optional<Timeline> modelAsOf(TimelineKey key, long seq) {
            List<Event> events = new ArrayList<>();
            for (Write write : writes) {
                if (write.seq() <= seq && write.key().equals(key)) {
                    write.event().ifPresentOrElse(events::add, events::clear);
                }
            }
            return events.isEmpty() ? Optional.empty() : Optional.of(new Timeline(key, events));
        }
    }
}
