package dev.timelines.adapters.out.memory;

import dev.timelines.application.model.ValueUsage;
import dev.timelines.application.port.in.AttributeTooDiverseException;
import dev.timelines.application.port.out.EventLog;
import dev.timelines.application.port.out.IndexedAnswers;
import dev.timelines.application.port.out.KeyRange;
import dev.timelines.application.port.out.SeqConflictException;
import dev.timelines.application.port.out.StayScan;
import dev.timelines.application.port.out.StaySelection;
import dev.timelines.application.port.out.StoreHistory;
import dev.timelines.application.port.out.StoreScans;
import dev.timelines.application.port.out.ValueSpellings;
import dev.timelines.application.port.out.TimelineReader;
import dev.timelines.application.port.out.TimelineStays;
import dev.timelines.application.question.KeyRun;
import dev.timelines.application.question.PartialAdjacentValues;
import dev.timelines.application.question.PartialProcessMap;
import dev.timelines.application.question.PartialStateCounts;
import dev.timelines.application.question.PartialTimeInStates;
import dev.timelines.application.question.StuckRun;
import dev.timelines.application.question.TransitionRun;
import dev.timelines.domain.Attribute;
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
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The in-memory engine: every timeline's events in memory, and the attribute indexes that give the stays and
 * answer every question across timelines by a fast path. Used alone it is the volatile store; the journal makes it durable by writing each
 * {@link Admission} to disk between {@link #admit} and {@link #publish}. A batch becomes visible under one
 * write lock, so no reader sees part of a request; a question holds the read lock while it is answered.
 *
 * <p>Its {@link StoreHistory} is that of every store built on it: the journal publishes a batch only once durable,
 * so the seqs published with none admitted below them are durable whichever store writes through the engine.
 */
public final class InMemoryEventStore implements EventLog, TimelineReader, StoreScans, IndexedAnswers, StoreHistory {

    /** Enough to make a lock's hold worth it, few enough that a writer waits a fraction of a millisecond. */
    private static final int STAYS_PER_HOLD = 128;

    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final Timelines timelines = new Timelines();
    private final AttributeNames attributeNames = new AttributeNames();
    private final AttributeIndexes indexes;
    private final SeqHistory history;
    /** The first seq of each write admitted and not yet published or abandoned: none above it is durable. */
    private final TreeSet<Long> pending = new TreeSet<>();
    private final List<Runnable> durableListeners = new CopyOnWriteArrayList<>();
    /** The highest seq handed out: to an event, a deletion, or skipped by an import. */
    private long lastSeq;
    /** Written under the write lock, read without any: see {@link #durable()}. */
    private volatile long durable;
    /** Written under the write lock, read without any: what a metrics scrape asks must not wait for a writer. */
    private volatile long eventCount;
    private volatile long timelineCount;

    public InMemoryEventStore() {
        this(IndexLimits.DEFAULT, HistoryLimits.DEFAULT);
    }

    public InMemoryEventStore(IndexLimits limits) {
        this(limits, HistoryLimits.DEFAULT);
    }

    public InMemoryEventStore(IndexLimits limits, HistoryLimits history) {
        this.indexes = new AttributeIndexes(limits);
        this.history = new SeqHistory(history);
    }

    /**
     * Admits and publishes the batch under one hold of the write lock: no deletion comes between, so a deletion
     * removes every event with a lower seq (the history relies on it), as the journal's deletions do.
     */
    @Override
    public IngestResult append(List<IncomingEvent> events, Timestamp received) {
        return write(() -> {
            Admission admission = admit(events, received);
            publish(admission);
            return admission.result();
        });
    }

    /**
     * Gives the batch's new events their seqs and reserves their ids, without making them visible. Callers
     * admit batches one at a time and publish them in the same order.
     */
    public Admission admit(List<IncomingEvent> events, Timestamp received) {
        return write(() -> {
            List<TimelineEvent> admitted = new ArrayList<>();
            List<StoredTimeline> into = new ArrayList<>();
            for (IncomingEvent incoming : events) {
                StoredTimeline timeline = timelines.getOrCreate(incoming.timeline());
                if (reserved(timeline, incoming.id())) {
                    admitted.add(new TimelineEvent(incoming.timeline(), incoming.stored(++lastSeq, received)));
                    into.add(timeline);
                }
            }
            return pending(new Admission(admitted, into,
                    new IngestResult(admitted.size(), events.size() - admitted.size())));
        });
    }

    /** Admits and publishes under one hold of the write lock, as {@link #append} does. */
    @Override
    public IngestResult restore(List<TimelineEvent> events) {
        return write(() -> {
            Admission admission = admitRestored(events);
            publish(admission);
            return admission.result();
        });
    }

    /**
     * Admits exported events with the seqs and reception times they were exported with (in increasing seq order),
     * as {@link #admit} does new ones; the seqs given next follow the batch's highest.
     *
     * @throws SeqConflictException when the first seq is not above every seq this store has given
     */
    public Admission admitRestored(List<TimelineEvent> events) {
        return write(() -> {
            long first = events.get(0).event().seq();
            if (first <= lastSeq) {
                throw new SeqConflictException(first, lastSeq);
            }
            List<TimelineEvent> admitted = new ArrayList<>();
            List<StoredTimeline> into = new ArrayList<>();
            for (TimelineEvent restored : events) {
                StoredTimeline timeline = timelines.getOrCreate(restored.timeline());
                if (reserved(timeline, restored.event().id())) {
                    admitted.add(restored);
                    into.add(timeline);
                }
            }
            lastSeq = events.get(events.size() - 1).event().seq();
            return pending(new Admission(admitted, into,
                    new IngestResult(admitted.size(), events.size() - admitted.size())));
        });
    }

    private Admission pending(Admission admission) {
        if (!admission.events().isEmpty()) {
            pending.add(admission.events().get(0).event().seq());
        }
        return admission;
    }

    /** The admission is published or abandoned: the durable seq may rise past it. */
    private void settled(Admission admission) {
        if (!admission.events().isEmpty()) {
            pending.remove(admission.events().get(0).event().seq());
        }
        settle();
    }

    private void settle() {
        durable = pending.isEmpty() ? lastSeq : pending.first() - 1;
    }

    /** Claims the id, if any, in the event's timeline: false when the timeline holds it (a duplicate). */
    private static boolean reserved(StoredTimeline timeline, Optional<EventId> id) {
        return id.map(timeline::reserve).orElse(true);
    }

    /** Makes an admitted batch visible to readers. */
    public void publish(Admission admission) {
        write(() -> {
            for (int i = 0; i < admission.events().size(); i++) {
                TimelineEvent admitted = admission.events().get(i);
                insert(stillStored(admission.timeline(i), admitted.timeline()), admitted.event());
            }
            settled(admission);
            return null;
        });
    }

    /** Gives up an admitted batch that could not be made durable: its ids may be sent again. */
    public void abandon(Admission admission) {
        write(() -> {
            for (TimelineEvent admitted : admission.events()) {
                StoredTimeline timeline = timelines.get(admitted.timeline());
                if (timeline != null) {
                    admitted.event().id().ifPresent(timeline::release);
                }
            }
            settled(admission);
            return null;
        });
    }

    /** Puts back an event read from a durable log, with the seq it was given then. */
    public void replay(TimelineKey key, Event event) {
        replay(List.of(new TimelineEvent(key, event)));
    }

    /** Puts back events read from a durable log, with their seqs, all visible at once: no reader sees part of them. */
    public void replay(List<TimelineEvent> events) {
        write(() -> {
            for (TimelineEvent restored : events) {
                StoredTimeline timeline = timelines.getOrCreate(restored.timeline());
                restored.event().id().ifPresent(timeline::reserve);
                insert(timeline, restored.event());
                lastSeq = Math.max(lastSeq, restored.event().seq());
            }
            settle();
            return null;
        });
    }

    /**
     * Whether the timeline has an event with the id, or has it reserved: for a log that decides duplicates before
     * it writes and {@link #replay}s what it wrote. Under the write lock, as the first look may build the id set.
     */
    public boolean holds(TimelineKey key, EventId id) {
        return write(() -> {
            StoredTimeline timeline = timelines.get(key);
            return timeline != null && timeline.holds(id);
        });
    }

    /**
     * A copy of the core data, for a snapshot. It shows the published events: a caller that wants it to match
     * its log must first let every admitted batch be published or abandoned.
     */
    public MemoryImage image() {
        return read(() -> timelines.image(lastSeq, attributeNames.counts(), history.image()));
    }

    /**
     * Loads an image, which this store takes over, in place of replaying the events it holds. The store must be
     * new: nothing stored and nothing asked yet (an attribute index built before would miss the image's events).
     */
    public void load(MemoryImage image) {
        write(() -> {
            if (lastSeq != 0) {
                throw new IllegalStateException("an image loads only into a new store");
            }
            timelines.load(image);
            attributeNames.restore(image.attributeNames());
            lastSeq = image.lastSeq();
            eventCount = image.events();
            timelineCount = image.timelines().size();
            for (StoredTimeline stored : timelines.visible()) {
                for (int i = 0; i < stored.size(); i++) {
                    history.written(stored.seq(i), stored.key());
                }
            }
            history.load(image.history());
            settle();
            return null;
        });
    }

    /**
     * The deleted timelines the history keeps, as they stood before their deletion, by the seq it took: beside the
     * stored events, what replaying them rebuilds of the history (a snapshot of part of the store writes them).
     */
    public SortedMap<Long, Timeline> deletionsKept() {
        return read(() -> {
            SortedMap<Long, Timeline> kept = new TreeMap<>();
            history.image().deletions().forEach(deletion -> kept.put(deletion.seq(), deletion.timeline()));
            return kept;
        });
    }

    /** Deletes the timeline, the deletion taking the next seq; false, taking none, when it had no events. */
    @Override
    public boolean delete(TimelineKey key) {
        return write(() -> {
            if (!hasEvents(key)) {
                return false;
            }
            remove(key, ++lastSeq);
            settle();
            return true;
        });
    }

    /**
     * Gives the deletion of a timeline that has events its seq, without deleting it yet: for a log that writes the
     * deletion, then {@link #publishDeletion}s it (or {@link #abandonDeletion}s it when the write failed). Empty
     * when the timeline has no events.
     */
    public OptionalLong admitDeletion(TimelineKey key) {
        return write(() -> {
            if (!hasEvents(key)) {
                return OptionalLong.empty();
            }
            pending.add(++lastSeq);
            return OptionalLong.of(lastSeq);
        });
    }

    public void publishDeletion(TimelineKey key, long seq) {
        write(() -> {
            remove(key, seq);
            pending.remove(seq);
            settle();
            return null;
        });
    }

    public void abandonDeletion(long seq) {
        write(() -> {
            pending.remove(seq);
            settle();
            return null;
        });
    }

    /** Puts back a deletion read from a durable log, with the seq it took then. */
    public void replayDeletion(TimelineKey key, long seq) {
        write(() -> {
            lastSeq = Math.max(lastSeq, seq);
            if (hasEvents(key)) {
                remove(key, seq);
            }
            settle();
            return null;
        });
    }

    /**
     * Nothing at or below {@code seq} can be told any more, as when a durable log kept no trace of some writes (a
     * compaction dropped them); the next seqs given lie above it.
     */
    public void historyLostUpTo(long seq) {
        write(() -> {
            lastSeq = Math.max(lastSeq, seq);
            history.forgetUpTo(seq);
            settle();
            return null;
        });
    }

    private boolean hasEvents(TimelineKey key) {
        StoredTimeline timeline = timelines.get(key);
        return timeline != null && timeline.hasEvents();
    }

    private void remove(TimelineKey key, long seq) {
        StoredTimeline removed = timelines.remove(key);
        history.deleted(seq, removed.snapshot());
        for (int i = 0; i < removed.size(); i++) {
            attributeNames.remove(removed.data(i));
        }
        indexes.removed(removed);
        eventCount -= removed.size();
        timelineCount--;
    }

    @Override
    public long durable() {
        return durable;
    }

    @Override
    public long horizon() {
        return read(history::horizon);
    }

    @Override
    public Set<TimelineKey> changed(long after, long upTo) {
        return read(() -> history.changed(after, upTo));
    }

    @Override
    public Optional<Timeline> asOf(TimelineKey key, long seq) {
        return read(() -> history.deletedAfter(key, seq).or(() -> stored(key).map(StoredTimeline::snapshot)))
                .flatMap(timeline -> timeline.upToSeq(seq));
    }

    /**
     * Decodes only the attribute's values of the timelines' events, not whole timelines as {@link #asOf}, and reads
     * {@value #STAYS_PER_HOLD} timelines per hold of the read lock: a step reads hundreds, and a writer waiting for
     * the lock between each read and the next slowed ingest by a tenth under StreamLoad.
     */
    @Override
    public Map<TimelineKey, List<Stay>> staysAsOf(Collection<TimelineKey> keys, Attribute attribute, long seq) {
        List<TimelineKey> all = List.copyOf(keys);
        Map<TimelineKey, List<Stay>> stays = new HashMap<>();
        int from = 0;
        do {
            List<TimelineKey> some = all.subList(from, Math.min(all.size(), from + STAYS_PER_HOLD));
            read(() -> {
                history.check(seq);
                some.forEach(key -> stays.put(key, staysAsOf(key, attribute, seq)));
                return null;
            });
            from += STAYS_PER_HOLD;
        } while (from < all.size());
        return stays;
    }

    private List<Stay> staysAsOf(TimelineKey key, Attribute attribute, long seq) {
        return history.deletedAfter(key, seq)
                .map(deleted -> deleted.upToSeq(seq).map(then -> then.stays(attribute)).orElse(List.of()))
                .orElseGet(() -> stored(key).map(stored -> Timeline.stays(key, stored.valuesUpToSeq(attribute, seq)))
                        .orElse(List.of()));
    }

    private Optional<StoredTimeline> stored(TimelineKey key) {
        return Optional.ofNullable(timelines.get(key)).filter(StoredTimeline::hasEvents);
    }

    @Override
    public Runnable onDurable(Runnable listener) {
        durableListeners.add(listener);
        return () -> durableListeners.remove(listener);
    }

    /** Events stored (published or restored), at no cost: for operations, not for answers. */
    public long eventCount() {
        return eventCount;
    }

    /** Timelines that have events, at no cost: for operations, not for answers. */
    public long timelineCount() {
        return timelineCount;
    }

    @Override
    public Optional<Timeline> timeline(TimelineKey key) {
        return read(() -> Optional.ofNullable(timelines.get(key)).filter(StoredTimeline::hasEvents)
                .map(StoredTimeline::snapshot));
    }

    /**
     * A window of seqs at a time (see {@link SeqWindow}), each read under the read lock and handed over outside
     * it: writers wait for one window's pass, never for the consumer.
     */
    @Override
    public void inSeqOrder(Optional<TimelineKey> timeline, Consumer<TimelineEvent> event) {
        OptionalLong from = OptionalLong.of(1);
        while (from.isPresent()) {
            long start = from.getAsLong();
            SeqWindow window = read(() -> SeqWindow.read(timeline.isEmpty() ? timelines.visible()
                    : Optional.ofNullable(timelines.get(timeline.get())).map(List::of).orElse(List.of()), start));
            window.events().forEach(event);
            from = window.next();
        }
    }

    /**
     * Up to {@code limit} events with a seq of {@code from} or more, in seq order, and the seq the next page starts
     * at (none when no event lies beyond): a page of the export of the whole store, which a node of a cluster asks of
     * the owners of the other partitions (docs/scaling.md, "Kafka"). Read a window at a time, as {@link #inSeqOrder}.
     */
    public SeqWindow eventsFrom(long from, int limit) {
        List<TimelineEvent> events = new ArrayList<>();
        OptionalLong next = OptionalLong.of(from);
        while (next.isPresent() && events.size() < limit) {
            long start = next.getAsLong();
            SeqWindow window = read(() -> SeqWindow.read(timelines.visible(), start));
            List<TimelineEvent> taken = window.events().subList(0,
                    Math.min(window.events().size(), limit - events.size()));
            events.addAll(taken);
            next = taken.size() < window.events().size()
                    ? OptionalLong.of(taken.get(taken.size() - 1).event().seq() + 1) : window.next();
        }
        return new SeqWindow(events, next);
    }

    @Override
    public List<TimelineKey> lastEventBefore(Timestamp moment) {
        return read(() -> {
            List<TimelineKey> quiet = new ArrayList<>();
            for (StoredTimeline stored : timelines.visible()) {
                if (stored.lastTimestamp() < moment.micros()) {
                    quiet.add(stored.key());
                }
            }
            return quiet;
        });
    }

    @Override
    public List<TimelineKey> keys(KeyRange range, Optional<Timestamp> asOf) {
        if (asOf.isEmpty()) {
            return read(() -> timelines.keys(range));
        }
        return read(() -> {
            List<TimelineKey> known = new ArrayList<>();
            for (StoredTimeline stored : timelines.visible()) {
                if (range.contains(stored.key()) && stored.knownAt(asOf.get().micros())) {
                    known.add(stored.key());
                }
            }
            known.sort(null);
            return known.size() <= range.limit() ? known : known.subList(0, range.limit());
        });
    }

    /**
     * The stays from the attribute index's change points, of the timelines the index finds for the selection (see
     * {@link StayCandidates}); the questions select the stays. As known at a moment, the timelines that changed
     * since are read from their events known then, candidates or not: the others' stays are the same then and
     * now. The stays of the attributes asked alongside come from their indexes when built, else from the
     * timeline's events.
     */
    @Override
    public void stays(StayScan scan, Consumer<TimelineStays> timeline) {
        scan.alongside().forEach(this::indexIfAllowed);
        ask(scan.attribute(), index -> {
            long asOf = scan.asOf().map(Timestamp::micros).orElse(Long.MAX_VALUE);
            Set<Integer> handed = new HashSet<>();
            for (int candidate : StayCandidates.of(index, scan.selection())) {
                StoredTimeline stored = timelines.get(candidate);
                handed.add(candidate);
                if (stored.knownAt(asOf)) {
                    hand(stored.changedAfter(asOf) ? knownAt(scan, index, stored) : current(scan, index, stored),
                            timeline);
                }
            }
            if (scan.asOf().isPresent()) {
                // A timeline that changed since may have matched then, whatever its stays match now.
                for (StoredTimeline stored : timelines.visible()) {
                    if (stored.changedAfter(asOf) && stored.knownAt(asOf) && !handed.contains(stored.id())) {
                        hand(knownAt(scan, index, stored), timeline);
                    }
                }
            }
            return null;
        });
    }

    /** The timelines with an event received after the scan's moment, found by their last seq: O(1) each. */
    @Override
    public boolean changedSince(StayScan scan, Consumer<TimelineStays> now, Consumer<TimelineStays> then) {
        long asOf = scan.asOf().orElseThrow().micros();
        ask(scan.attribute(), index -> {
            for (StoredTimeline stored : timelines.visible()) {
                if (stored.changedAfter(asOf)) {
                    hand(current(scan, index, stored), now);
                    if (stored.knownAt(asOf)) {
                        hand(knownAt(scan, index, stored), then);
                    }
                }
            }
            return null;
        });
        return true;
    }

    /** The attributes whose indexes are built, the most recently asked about first: a durable store keeps them. */
    public List<Attribute> indexedAttributes() {
        return read(indexes::built);
    }

    /**
     * Builds the indexes of attributes asked about before a restart, so that the first question after it does not
     * wait for one. Attributes refused as too diverse are left to be refused when asked; up to the limit on indexes
     * are built, the first given first.
     */
    public void prepareIndexes(List<Attribute> attributes) {
        for (int i = attributes.size() - 1; i >= 0; i--) {
            indexIfAllowed(attributes.get(i));
        }
    }

    /**
     * A condition's attribute is indexed like any asked about, so that its stays need no decoding; one with too many
     * values is not, and its stays come from the events.
     */
    private void indexIfAllowed(Attribute attribute) {
        try {
            ask(attribute, index -> null);
        } catch (AttributeTooDiverseException e) {
            // Refused as a question's attribute only: as a condition it is read from the events.
        }
    }

    private static void hand(TimelineStays stays, Consumer<TimelineStays> timeline) {
        if (stays != null && !stays.stays().isEmpty()) {
            timeline.accept(stays);
        }
    }

    private TimelineStays current(StayScan scan, AttributeIndex index, StoredTimeline stored) {
        List<Stay> stays = index.stays(stored);
        if (stays.isEmpty()) {
            return null;
        }
        Map<Attribute, List<Stay>> alongside = new HashMap<>();
        Timeline events = null;
        for (Attribute other : scan.alongside()) {
            AttributeIndex otherIndex = indexes.peek(other);
            if (otherIndex == null && events == null) {
                events = stored.snapshot();
            }
            alongside.put(other, otherIndex != null ? otherIndex.stays(stored) : events.stays(other));
        }
        return new TimelineStays(stored.key(), stays, alongside);
    }

    private static TimelineStays knownAt(StayScan scan, AttributeIndex index, StoredTimeline stored) {
        Optional<Timeline> known = stored.snapshot().knownAt(scan.asOf().orElseThrow());
        if (known.isEmpty()) {
            return null;
        }
        Map<Attribute, List<Stay>> alongside = new HashMap<>();
        scan.alongside().forEach(other -> alongside.put(other, known.get().stays(other)));
        return new TimelineStays(stored.key(), index.shown(known.get().stays(scan.attribute())), alongside);
    }

    @Override
    public boolean keys(Attribute attribute, KeyRun partial) {
        JsonValue value = partial.selection().value().orElse(null);
        StaySelection.Period period = partial.selection().period();
        if (value == null) {
            return false;
        }
        if (period instanceof StaySelection.HoldingAt holding) {
            partial.addSorted(ask(attribute, index -> states(index).inState(value, holding.at(), partial.range())));
            return true;
        }
        if (period instanceof StaySelection.Overlapping overlapping) {
            partial.addSorted(ask(attribute, index -> states(index).inStateDuring(value,
                    WindowBounds.of(overlapping.window()), partial.range())));
            return true;
        }
        return false;
    }

    @Override
    public boolean transitions(Attribute attribute, TransitionRun partial) {
        partial.addSorted(ask(attribute, index -> transitions(index).transitions(partial.filter(), partial.entries(),
                partial.after(), partial.limit())));
        return true;
    }

    @Override
    public boolean processMap(Attribute attribute, PartialProcessMap partial) {
        return ask(attribute, index -> {
            transitions(index).processMap(partial);
            return true;
        });
    }

    @Override
    public boolean adjacent(Attribute attribute, PartialAdjacentValues partial) {
        return ask(attribute, index -> {
            if (partial.direction() == PartialAdjacentValues.Direction.NEXT) {
                transitions(index).next(partial);
            } else {
                transitions(index).previous(partial);
            }
            return true;
        });
    }

    @Override
    public boolean statesAt(Attribute attribute, PartialStateCounts partial) {
        return ask(attribute, index -> {
            states(index).statesAt(partial);
            return true;
        });
    }

    @Override
    public boolean stuck(Attribute attribute, StuckRun partial) {
        partial.addSorted(ask(attribute, index -> states(index).stuck(partial)));
        return true;
    }

    @Override
    public boolean timeInStates(Attribute attribute, PartialTimeInStates partial) {
        return ask(attribute, index -> {
            states(index).timeInStates(partial);
            return true;
        });
    }

    /** As known at a moment, the names are those of the events known then, found by reading every timeline. */
    @Override
    public List<String> attributeNames(Optional<String> after, int limit, Optional<Timestamp> asOf) {
        if (asOf.isEmpty()) {
            return read(() -> attributeNames.after(after, limit));
        }
        return read(() -> {
            AttributeNames known = new AttributeNames();
            knownTimelines(asOf.get()).forEach(timeline -> timeline.events().forEach(event -> known.add(event.data())));
            return known.after(after, limit);
        });
    }

    /** Each value looked up under the read lock when asked: a partial answer spells its values when it answers. */
    @Override
    public ValueSpellings spellings(Attribute attribute) {
        return value -> ask(attribute, index -> index.dictionary().spelling(value));
    }

    /** As known at a moment, the values are counted over the events known then, shown as the index shows them. */
    @Override
    public List<ValueUsage> values(Attribute attribute, Optional<Timestamp> asOf) {
        if (asOf.isEmpty()) {
            return ask(attribute, index -> index.dictionary().usage());
        }
        return ask(attribute, index -> index.dictionary().usageOf(knownTimelines(asOf.get()), attribute));
    }

    private List<Timeline> knownTimelines(Timestamp asOf) {
        List<Timeline> known = new ArrayList<>();
        for (StoredTimeline stored : timelines.visible()) {
            if (stored.knownAt(asOf.micros())) {
                stored.snapshot().knownAt(asOf).ifPresent(known::add);
            }
        }
        return known;
    }

    /**
     * The timeline an event was admitted into, unless a deletion removed it since (the event then starts the
     * timeline anew, as it would have had it been admitted after the deletion): an array read, not a hash lookup.
     */
    private StoredTimeline stillStored(StoredTimeline admittedInto, TimelineKey key) {
        return timelines.get(admittedInto.id()) == admittedInto ? admittedInto : timelines.getOrCreate(key);
    }

    private void insert(StoredTimeline timeline, Event event) {
        if (!timeline.hasEvents()) {
            timelines.becameVisible(timeline);
            timelineCount++;
        }
        int position = timeline.insert(event);
        history.written(event.seq(), timeline.key());
        eventCount++;
        attributeNames.add(event.data());
        indexes.inserted(timeline, position, event.data());
    }

    private StateQuestions states(AttributeIndex index) {
        return new StateQuestions(index, timelines);
    }

    private TransitionQuestions transitions(AttributeIndex index) {
        return new TransitionQuestions(index, timelines);
    }

    /**
     * Answers from the attribute's index under the read lock. The first question about an attribute builds
     * the index under the write lock, then keeps the read lock (a downgrade) so the answer sees that index.
     */
    private <T> T ask(Attribute attribute, Function<AttributeIndex, T> question) {
        lock.readLock().lock();
        try {
            AttributeIndex index = indexes.find(attribute);
            if (index != null) {
                return question.apply(index);
            }
        } finally {
            lock.readLock().unlock();
        }
        AttributeIndex index;
        lock.writeLock().lock();
        try {
            index = indexes.build(attribute, timelines.visible());
            lock.readLock().lock();
        } finally {
            lock.writeLock().unlock();
        }
        try {
            return question.apply(index);
        } finally {
            lock.readLock().unlock();
        }
    }

    private <T> T read(Supplier<T> question) {
        lock.readLock().lock();
        try {
            return question.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Runs a change under the write lock, then, outside it, tells the listeners if the durable seq rose. */
    private <T> T write(Supplier<T> change) {
        long before = durable;
        T result;
        lock.writeLock().lock();
        try {
            result = change.get();
        } finally {
            lock.writeLock().unlock();
        }
        if (durable != before) {
            durableListeners.forEach(Runnable::run);
        }
        return result;
    }
}
