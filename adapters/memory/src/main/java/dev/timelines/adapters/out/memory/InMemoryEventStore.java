package dev.timelines.adapters.out.memory;

import dev.timelines.application.model.AdjacentValues;
import dev.timelines.application.model.ProcessMap;
import dev.timelines.application.model.StateCounts;
import dev.timelines.application.model.TimeInState;
import dev.timelines.application.model.TransitionFilter;
import dev.timelines.application.model.ValueUsage;
import dev.timelines.application.port.out.CrossTimelineQueries;
import dev.timelines.application.port.out.EventLog;
import dev.timelines.application.port.out.KeyRange;
import dev.timelines.application.port.out.TimelineReader;
import dev.timelines.application.port.out.TransitionPosition;
import dev.timelines.domain.Attribute;
import dev.timelines.domain.Event;
import dev.timelines.domain.IncomingEvent;
import dev.timelines.domain.IngestResult;
import dev.timelines.domain.JsonValue;
import dev.timelines.domain.Timeline;
import dev.timelines.domain.TimelineKey;
import dev.timelines.domain.Timestamp;
import dev.timelines.domain.Transition;
import dev.timelines.domain.Window;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The in-memory engine: every timeline's events in memory, and the attribute indexes that answer questions
 * across timelines. Used alone it is the volatile store; the journal makes it durable by writing each
 * {@link Admission} to disk between {@link #admit} and {@link #publish}. A batch becomes visible under one
 * write lock, so no reader sees part of a request; a question holds the read lock while it is answered.
 */
public final class InMemoryEventStore implements EventLog, TimelineReader, CrossTimelineQueries {

    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final Timelines timelines = new Timelines();
    private final AttributeNames attributeNames = new AttributeNames();
    private final AttributeIndexes indexes;
    private long lastSeq;
    /** Written under the write lock, read without any: what a metrics scrape asks must not wait for a writer. */
    private volatile long eventCount;
    private volatile long timelineCount;

    public InMemoryEventStore() {
        this(IndexLimits.DEFAULT);
    }

    public InMemoryEventStore(IndexLimits limits) {
        this.indexes = new AttributeIndexes(limits);
    }

    @Override
    public IngestResult append(List<IncomingEvent> events, Timestamp received) {
        Admission admission = admit(events, received);
        publish(admission);
        return admission.result();
    }

    /**
     * Gives the batch's new events their seqs and reserves their ids, without making them visible. Callers
     * admit batches one at a time and publish them in the same order.
     */
    public Admission admit(List<IncomingEvent> events, Timestamp received) {
        return write(() -> {
            List<Admission.Admitted> admitted = new ArrayList<>();
            for (IncomingEvent incoming : events) {
                StoredTimeline timeline = timelines.getOrCreate(incoming.timeline());
                if (incoming.id().map(timeline::reserve).orElse(true)) {
                    admitted.add(new Admission.Admitted(incoming.timeline(), incoming.stored(++lastSeq, received)));
                }
            }
            return new Admission(admitted, new IngestResult(admitted.size(), events.size() - admitted.size()));
        });
    }

    /** Makes an admitted batch visible to readers. */
    public void publish(Admission admission) {
        write(() -> {
            admission.events().forEach(admitted -> insert(admitted.timeline(), admitted.event()));
            return null;
        });
    }

    /** Gives up an admitted batch that could not be made durable: its ids may be sent again. */
    public void abandon(Admission admission) {
        write(() -> {
            for (Admission.Admitted admitted : admission.events()) {
                StoredTimeline timeline = timelines.get(admitted.timeline());
                if (timeline != null) {
                    admitted.event().id().ifPresent(timeline::release);
                }
            }
            return null;
        });
    }

    /** Puts back an event read from a durable log, with the seq it was given then. */
    public void restore(TimelineKey key, Event event) {
        write(() -> {
            event.id().ifPresent(timelines.getOrCreate(key)::reserve);
            insert(key, event);
            lastSeq = Math.max(lastSeq, event.seq());
            return null;
        });
    }

    /**
     * A copy of the core data, for a snapshot. It shows the published events: a caller that wants it to match
     * its log must first let every admitted batch be published or abandoned.
     */
    public MemoryImage image() {
        return read(() -> timelines.image(lastSeq, attributeNames.counts()));
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
            return null;
        });
    }

    @Override
    public boolean delete(TimelineKey key) {
        return write(() -> {
            StoredTimeline removed = timelines.remove(key);
            if (removed == null || !removed.hasEvents()) {
                return false;
            }
            for (int i = 0; i < removed.size(); i++) {
                attributeNames.remove(removed.data(i));
            }
            indexes.removed(removed);
            eventCount -= removed.size();
            timelineCount--;
            return true;
        });
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

    @Override
    public List<TimelineKey> keys(KeyRange range) {
        return read(() -> timelines.keys(range));
    }

    @Override
    public List<TimelineKey> inState(Attribute attribute, JsonValue value, Timestamp at, KeyRange range) {
        return ask(attribute, index -> states(index).inState(value, at, range));
    }

    @Override
    public List<TimelineKey> inStateDuring(Attribute attribute, JsonValue value, Window window, KeyRange range) {
        return ask(attribute, index -> states(index).inStateDuring(value, WindowBounds.of(window), range));
    }

    @Override
    public List<Transition> transitions(Attribute attribute, TransitionFilter filter, boolean entries,
            Optional<TransitionPosition> after, int limit) {
        return ask(attribute, index -> transitions(index).transitions(filter, entries, after, limit));
    }

    @Override
    public ProcessMap processMap(Attribute attribute, TransitionFilter filter) {
        return ask(attribute, index -> transitions(index).processMap(filter));
    }

    @Override
    public AdjacentValues next(Attribute attribute, JsonValue value, Window window) {
        return ask(attribute, index -> transitions(index).next(value, WindowBounds.of(window)));
    }

    @Override
    public AdjacentValues previous(Attribute attribute, JsonValue value, Window window) {
        return ask(attribute, index -> transitions(index).previous(value, WindowBounds.of(window)));
    }

    @Override
    public StateCounts statesAt(Attribute attribute, Timestamp at) {
        return ask(attribute, index -> states(index).statesAt(at));
    }

    @Override
    public List<TimeInState> timeInStates(Attribute attribute, Window window, Timestamp now) {
        return ask(attribute, index -> states(index).timeInStates(WindowBounds.of(window), now));
    }

    @Override
    public List<String> attributeNames(Optional<String> after, int limit) {
        return read(() -> attributeNames.after(after, limit));
    }

    @Override
    public List<ValueUsage> values(Attribute attribute) {
        return ask(attribute, index -> index.dictionary().usage());
    }

    private void insert(TimelineKey key, Event event) {
        StoredTimeline timeline = timelines.getOrCreate(key);
        if (!timeline.hasEvents()) {
            timelines.becameVisible(timeline);
            timelineCount++;
        }
        int position = timeline.insert(event);
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

    private <T> T write(Supplier<T> change) {
        lock.writeLock().lock();
        try {
            return change.get();
        } finally {
            lock.writeLock().unlock();
        }
    }
}
