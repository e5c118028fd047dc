package dev.timelines.adapters.out.memory;

import dev.timelines.application.port.out.EventLog;
import dev.timelines.application.port.out.TimelineReader;
import dev.timelines.domain.Event;
import dev.timelines.domain.IncomingEvent;
import dev.timelines.domain.IngestResult;
import dev.timelines.domain.Timeline;
import dev.timelines.domain.TimelineKey;
import dev.timelines.domain.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The in-memory engine: every timeline's events in memory. Used alone it is the volatile store; the
 * journal makes it durable by writing each {@link Admission} to disk between {@link #admit} and
 * {@link #publish}. A batch becomes visible under one write lock, so no reader sees part of a request.
 */
public final class InMemoryEventStore implements EventLog, TimelineReader {

    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<TimelineKey, StoredTimeline> timelines = new HashMap<>();
    private long lastSeq;

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
        lock.writeLock().lock();
        try {
            List<Admission.Admitted> admitted = new ArrayList<>();
            for (IncomingEvent incoming : events) {
                StoredTimeline timeline = timelines.computeIfAbsent(incoming.timeline(), key -> new StoredTimeline());
                if (incoming.id().map(timeline::reserve).orElse(true)) {
                    admitted.add(new Admission.Admitted(incoming.timeline(), incoming.stored(++lastSeq, received)));
                }
            }
            return new Admission(admitted, new IngestResult(admitted.size(), events.size() - admitted.size()));
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Makes an admitted batch visible to readers. */
    public void publish(Admission admission) {
        lock.writeLock().lock();
        try {
            admission.events().forEach(this::insert);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Puts back an event read from a durable log, with the seq it was given then. */
    public void restore(TimelineKey key, Event event) {
        lock.writeLock().lock();
        try {
            StoredTimeline timeline = timelines.computeIfAbsent(key, k -> new StoredTimeline());
            event.id().ifPresent(timeline::reserve);
            insert(new Admission.Admitted(key, event));
            lastSeq = Math.max(lastSeq, event.seq());
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public boolean delete(TimelineKey key) {
        lock.writeLock().lock();
        try {
            StoredTimeline removed = timelines.remove(key);
            return removed != null && removed.hasEvents();
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public Optional<Timeline> timeline(TimelineKey key) {
        lock.readLock().lock();
        try {
            StoredTimeline stored = timelines.get(key);
            return stored == null || !stored.hasEvents() ? Optional.empty() : Optional.of(stored.snapshot(key));
        } finally {
            lock.readLock().unlock();
        }
    }

    private void insert(Admission.Admitted admitted) {
        timelines.computeIfAbsent(admitted.timeline(), key -> new StoredTimeline()).insert(admitted.event());
    }
}
