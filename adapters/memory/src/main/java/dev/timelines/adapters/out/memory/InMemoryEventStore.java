package dev.timelines.adapters.out.memory;

import dev.timelines.application.port.out.EventLog;
import dev.timelines.application.port.out.TimelineReader;
import dev.timelines.domain.IncomingEvent;
import dev.timelines.domain.IngestResult;
import dev.timelines.domain.Timeline;
import dev.timelines.domain.TimelineKey;
import dev.timelines.domain.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The volatile store: every timeline's events in memory. A batch is applied under one write lock so that
 * no reader ever sees part of a request; reads copy a timeline under the read lock.
 */
public final class InMemoryEventStore implements EventLog, TimelineReader {

    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<TimelineKey, StoredTimeline> timelines = new HashMap<>();
    private long lastSeq;

    @Override
    public IngestResult append(List<IncomingEvent> events, Timestamp received) {
        lock.writeLock().lock();
        try {
            int accepted = 0;
            for (IncomingEvent incoming : events) {
                StoredTimeline timeline = timelines.computeIfAbsent(incoming.timeline(), key -> new StoredTimeline());
                if (timeline.add(incoming.stored(lastSeq + 1, received))) {
                    lastSeq++;
                    accepted++;
                }
            }
            return new IngestResult(accepted, events.size() - accepted);
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public boolean delete(TimelineKey key) {
        lock.writeLock().lock();
        try {
            return timelines.remove(key) != null;
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public Optional<Timeline> timeline(TimelineKey key) {
        lock.readLock().lock();
        try {
            return Optional.ofNullable(timelines.get(key)).map(stored -> stored.snapshot(key));
        } finally {
            lock.readLock().unlock();
        }
    }
}
