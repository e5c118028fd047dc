package dev.timelines.application.port.out;

import dev.timelines.application.model.ValueUsage;
import dev.timelines.domain.Attribute;
import dev.timelines.domain.CodePointOrder;
import dev.timelines.domain.Event;
import dev.timelines.domain.EventId;
import dev.timelines.domain.IncomingEvent;
import dev.timelines.domain.IngestResult;
import dev.timelines.domain.JsonValue;
import dev.timelines.domain.Stay;
import dev.timelines.domain.Timeline;
import dev.timelines.domain.TimelineEvent;
import dev.timelines.domain.TimelineKey;
import dev.timelines.domain.Timestamp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The naive storage: events in lists, each timeline rebuilt with the domain {@link Timeline} when asked, every
 * scan a loop over everything. It offers no fast path, so every question it answers is the application's fold
 * over stays: the proof that a storage needs only {@link StoreScans} (it also runs behind the HTTP API in the
 * bootstrap tests). Its history is every write kept in a list, each answer a loop over it. Thread-safe by one
 * lock; the listeners hear of writes outside it.
 */
public final class ReferenceStorage implements EventLog, TimelineReader, StoreScans, StoreHistory {

    /** One write: an event stored at its seq, or (event empty) a deletion that took the seq. */
    private record Write(long seq, TimelineKey key, Optional<Event> event) {
    }

    private final Map<TimelineKey, List<Event>> events = new HashMap<>();
    private final Map<TimelineKey, Set<EventId>> ids = new HashMap<>();
    private final List<Write> writes = new ArrayList<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private long seq;

    @Override
    public IngestResult append(List<IncomingEvent> batch, Timestamp received) {
        return told(() -> appended(batch, received));
    }

    private synchronized IngestResult appended(List<IncomingEvent> batch, Timestamp received) {
        int accepted = 0;
        for (IncomingEvent incoming : batch) {
            Set<EventId> known = ids.computeIfAbsent(incoming.timeline(), key -> new HashSet<>());
            if (incoming.id().isEmpty() || known.add(incoming.id().get())) {
                stored(incoming.timeline(), incoming.stored(++seq, received));
                accepted++;
            }
        }
        return new IngestResult(accepted, batch.size() - accepted);
    }

    @Override
    public IngestResult restore(List<TimelineEvent> batch) {
        return told(() -> restored(batch));
    }

    private synchronized IngestResult restored(List<TimelineEvent> batch) {
        long first = batch.get(0).event().seq();
        if (first <= seq) {
            throw new SeqConflictException(first, seq);
        }
        int accepted = 0;
        for (TimelineEvent restored : batch) {
            Set<EventId> known = ids.computeIfAbsent(restored.timeline(), key -> new HashSet<>());
            if (restored.event().id().isEmpty() || known.add(restored.event().id().get())) {
                stored(restored.timeline(), restored.event());
                accepted++;
            }
        }
        seq = batch.get(batch.size() - 1).event().seq();
        return new IngestResult(accepted, batch.size() - accepted);
    }

    private void stored(TimelineKey key, Event event) {
        events.computeIfAbsent(key, any -> new ArrayList<>()).add(event);
        writes.add(new Write(event.seq(), key, Optional.of(event)));
    }

    /**
     * Gives the stored events the seqs another store gave the same events, for a store whose seqs follow its log
     * rather than the arrival across timelines (Kafka, docs/semantics.md "Seq"): each timeline's events pair up in
     * timeline order, which both keep, as within a timeline seqs follow arrival in both. The history of writes keeps
     * the reference's own seqs.
     */
    public synchronized void numberAs(TimelineReader store) {
        events.replaceAll((key, stored) -> {
            List<Event> ours = new Timeline(key, stored).events();
            List<Event> theirs = store.timeline(key).map(Timeline::events).orElse(List.of());
            if (theirs.size() != ours.size()) {
                throw new AssertionError("timeline " + key.value() + ": " + theirs + " stored, not " + ours);
            }
            List<Event> numbered = new ArrayList<>();
            for (int i = 0; i < ours.size(); i++) {
                Event event = ours.get(i);
                numbered.add(new Event(event.timestamp(), theirs.get(i).seq(), event.received(), event.id(),
                        event.data()));
                // Events stored later sort after these among equal timestamps, as they arrive after them.
                seq = Math.max(seq, theirs.get(i).seq());
            }
            return numbered;
        });
    }

    /** A deletion takes a seq of its own, as in every storage (docs/semantics.md, "Seq"). */
    @Override
    public boolean delete(TimelineKey key) {
        return told(() -> deleted(key));
    }

    private synchronized boolean deleted(TimelineKey key) {
        ids.remove(key);
        if (events.remove(key) == null) {
            return false;
        }
        writes.add(new Write(++seq, key, Optional.empty()));
        return true;
    }

    /** Runs a write, then tells the listeners: every write is durable once done. */
    private <T> T told(Supplier<T> write) {
        T result = write.get();
        listeners.forEach(Runnable::run);
        return result;
    }

    @Override
    public synchronized long durable() {
        return seq;
    }

    /** The reference forgets nothing. */
    @Override
    public long horizon() {
        return 0;
    }

    @Override
    public synchronized Set<TimelineKey> changed(long after, long upTo) {
        Set<TimelineKey> changed = new HashSet<>();
        writes.stream().filter(write -> write.seq() > after && write.seq() <= upTo)
                .forEach(write -> changed.add(write.key()));
        return changed;
    }

    @Override
    public synchronized Optional<Timeline> asOf(TimelineKey key, long at) {
        List<Event> then = new ArrayList<>();
        for (Write write : writes) {
            if (write.seq() <= at && write.key().equals(key)) {
                write.event().ifPresentOrElse(then::add, then::clear);
            }
        }
        return then.isEmpty() ? Optional.empty() : Optional.of(new Timeline(key, then));
    }

    @Override
    public Runnable onDurable(Runnable listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public synchronized Optional<Timeline> timeline(TimelineKey key) {
        return Optional.ofNullable(events.get(key)).map(list -> new Timeline(key, list));
    }

    /** Sorts a copy of everything: the reference is about answers, not memory. */
    @Override
    public void inSeqOrder(Optional<TimelineKey> timeline, Consumer<TimelineEvent> event) {
        List<TimelineEvent> all = new ArrayList<>();
        synchronized (this) {
            events.forEach((key, list) -> {
                if (timeline.map(key::equals).orElse(true)) {
                    list.forEach(stored -> all.add(new TimelineEvent(key, stored)));
                }
            });
        }
        all.sort(Comparator.comparingLong(stored -> stored.event().seq()));
        all.forEach(event);
    }

    @Override
    public List<TimelineKey> lastEventBefore(Timestamp moment) {
        return timelines().values().stream().filter(each -> each.last().timestamp().isBefore(moment))
                .map(Timeline::key).toList();
    }

    /** Every timeline with events, by key in code point order. */
    public Map<TimelineKey, Timeline> timelines() {
        return timelines(Optional.empty());
    }

    /** Every timeline with events received by {@code asOf} (all, when empty), by key in code point order. */
    public synchronized Map<TimelineKey, Timeline> timelines(Optional<Timestamp> asOf) {
        Map<TimelineKey, Timeline> timelines = new TreeMap<>();
        events.forEach((key, list) -> {
            List<Event> known = list.stream()
                    .filter(event -> asOf.map(moment -> event.received().compareTo(moment) <= 0).orElse(true))
                    .toList();
            if (!known.isEmpty()) {
                timelines.put(key, new Timeline(key, known));
            }
        });
        return timelines;
    }

    @Override
    public List<TimelineKey> keys(KeyRange range, Optional<Timestamp> asOf) {
        return timelines(asOf).keySet().stream().filter(range::contains).limit(range.limit()).toList();
    }

    /** Every stay of every timeline known at the scan's moment, whatever the selection asks: the questions select. */
    @Override
    public void stays(StayScan scan, Consumer<TimelineStays> timeline) {
        Map<JsonValue, JsonValue> shown = firstWritten(scan.attribute());
        for (Timeline each : timelines(scan.asOf()).values()) {
            List<Stay> stays = each.stays(scan.attribute()).stream().map(stay -> stay.withValues(shown::get)).toList();
            Map<Attribute, List<Stay>> alongside = new HashMap<>();
            scan.alongside().forEach(other -> alongside.put(other, each.stays(other)));
            if (!stays.isEmpty()) {
                timeline.accept(new TimelineStays(each.key(), stays, alongside));
            }
        }
    }

    @Override
    public List<String> attributeNames(Optional<String> after, int limit, Optional<Timestamp> asOf) {
        Set<String> names = new TreeSet<>(CodePointOrder.INSTANCE);
        timelines(asOf).values().forEach(each -> each.events()
                .forEach(event -> names.addAll(event.data().members().keySet())));
        return names.stream().filter(name -> after.map(start -> CodePointOrder.INSTANCE.compare(name, start) > 0)
                .orElse(true)).limit(limit).toList();
    }

    @Override
    public List<ValueUsage> values(Attribute attribute, Optional<Timestamp> asOf) {
        Map<JsonValue, JsonValue> shown = firstWritten(attribute);
        Map<JsonValue, Long> counts = new LinkedHashMap<>();
        Map<JsonValue, Set<TimelineKey>> carriers = new LinkedHashMap<>();
        timelines(asOf).forEach((key, each) -> each.events().forEach(event -> attribute.valueIn(event.data())
                .ifPresent(value -> {
            counts.merge(value, 1L, Long::sum);
            carriers.computeIfAbsent(value, v -> new HashSet<>()).add(key);
        })));
        List<ValueUsage> usage = new ArrayList<>();
        counts.forEach((value, count) -> usage.add(
                new ValueUsage(shown.get(value), count, carriers.get(value).size())));
        return usage;
    }

    @Override
    public ValueSpellings spellings(Attribute attribute) {
        Map<JsonValue, Spelling> first = firstSpellings(attribute);
        return value -> Optional.ofNullable(first.get(value));
    }

    /** Per value of the attribute, equal values being one, as the stored event with the lowest seq wrote it. */
    private Map<JsonValue, JsonValue> firstWritten(Attribute attribute) {
        Map<JsonValue, JsonValue> written = new HashMap<>();
        firstSpellings(attribute).forEach((value, spelling) -> written.put(value, spelling.shown()));
        return written;
    }

    private synchronized Map<JsonValue, Spelling> firstSpellings(Attribute attribute) {
        Map<JsonValue, Spelling> first = new HashMap<>();
        events.values().forEach(list -> list.forEach(event -> attribute.valueIn(event.data()).ifPresent(value -> {
            Spelling known = first.get(value);
            if (known == null || event.seq() < known.seq()) {
                first.put(value, new Spelling(value, event.seq()));
            }
        })));
        return first;
    }
}
