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
import java.util.function.Consumer;

/**
 * The naive storage: events in lists, each timeline rebuilt with the domain {@link Timeline} when asked, every
 * scan a loop over everything. It offers no fast path, so every question it answers is the application's fold
 * over stays: the proof that a storage needs only {@link StoreScans} (it also runs behind the HTTP API in the
 * bootstrap tests). Thread-safe by one lock.
 */
public final class ReferenceStorage implements EventLog, TimelineReader, StoreScans {

    private final Map<TimelineKey, List<Event>> events = new HashMap<>();
    private final Map<TimelineKey, Set<EventId>> ids = new HashMap<>();
    private long seq;

    @Override
    public synchronized IngestResult append(List<IncomingEvent> batch, Timestamp received) {
        int accepted = 0;
        for (IncomingEvent incoming : batch) {
            Set<EventId> known = ids.computeIfAbsent(incoming.timeline(), key -> new HashSet<>());
            if (incoming.id().isEmpty() || known.add(incoming.id().get())) {
                events.computeIfAbsent(incoming.timeline(), key -> new ArrayList<>())
                        .add(incoming.stored(++seq, received));
                accepted++;
            }
        }
        return new IngestResult(accepted, batch.size() - accepted);
    }

    @Override
    public synchronized IngestResult restore(List<TimelineEvent> batch) {
        long first = batch.get(0).event().seq();
        if (first <= seq) {
            throw new SeqConflictException(first, seq);
        }
        int accepted = 0;
        for (TimelineEvent restored : batch) {
            Set<EventId> known = ids.computeIfAbsent(restored.timeline(), key -> new HashSet<>());
            if (restored.event().id().isEmpty() || known.add(restored.event().id().get())) {
                events.computeIfAbsent(restored.timeline(), key -> new ArrayList<>()).add(restored.event());
                accepted++;
            }
        }
        seq = batch.get(batch.size() - 1).event().seq();
        return new IngestResult(accepted, batch.size() - accepted);
    }

    /** A deletion takes a seq of its own, as in every storage (docs/semantics.md, "Seq"). */
    @Override
    public synchronized boolean delete(TimelineKey key) {
        ids.remove(key);
        if (events.remove(key) == null) {
            return false;
        }
        seq++;
        return true;
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
