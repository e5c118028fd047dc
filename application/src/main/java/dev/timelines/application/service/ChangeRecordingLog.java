package dev.timelines.application.service;

import dev.timelines.application.port.out.EventLog;
import dev.timelines.application.port.out.TimelineReader;
import dev.timelines.domain.IncomingEvent;
import dev.timelines.domain.IngestResult;
import dev.timelines.domain.Timeline;
import dev.timelines.domain.TimelineEvent;
import dev.timelines.domain.TimelineKey;
import dev.timelines.domain.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The event log as the services write through it: every durable append and deletion is recorded in the
 * {@link ChangeFeed} as the timelines it changed, before and after, while a stream watches the feed (recording is
 * what costs: see {@link ChangeFeed}). Anything that writes through {@link EventLog}
 * (ingest, import, deletion, and retention, which deletes through it) is thereby seen by the transitions stream.
 *
 * <p>A timeline is read before and after the write under a lock of its own (one of {@value #STRIPES}, by the key's
 * hash), so that each revision starts where the timeline's previous revision ended. Writes to other timelines go
 * on meanwhile; the stream's readers never hold these locks.
 */
public final class ChangeRecordingLog implements EventLog {

    private static final int STRIPES = 1024;

    private final EventLog log;
    private final TimelineReader reader;
    private final ChangeFeed feed;
    private final ReentrantLock[] stripes = new ReentrantLock[STRIPES];

    public ChangeRecordingLog(EventLog log, TimelineReader reader, ChangeFeed feed) {
        this.log = log;
        this.reader = reader;
        this.feed = feed;
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new ReentrantLock();
        }
    }

    @Override
    public IngestResult append(List<IncomingEvent> events, Timestamp received) {
        return recorded(events.stream().map(IncomingEvent::timeline).toList(), () -> log.append(events, received),
                result -> result.accepted() > 0);
    }

    /** An import changes timelines as an ingest does: the stream sees its transitions. */
    @Override
    public IngestResult restore(List<TimelineEvent> events) {
        return recorded(events.stream().map(TimelineEvent::timeline).toList(), () -> log.restore(events),
                result -> result.accepted() > 0);
    }

    @Override
    public boolean delete(TimelineKey key) {
        return recorded(List.of(key), () -> log.delete(key), deleted -> deleted);
    }

    /**
     * Runs the write; while streams watch the feed, with the timelines' stripes held, recording the timelines it
     * changed when {@code changedAny} says it changed some.
     */
    private <T> T recorded(List<TimelineKey> timelines, Supplier<T> write, Predicate<T> changedAny) {
        return feed.unrecordedIfUnwatched(write).orElseGet(() -> recordedWrite(timelines, write, changedAny));
    }

    private <T> T recordedWrite(List<TimelineKey> timelines, Supplier<T> write, Predicate<T> changedAny) {
        Map<TimelineKey, Optional<Timeline>> before = new LinkedHashMap<>();
        timelines.forEach(key -> before.put(key, Optional.empty()));
        List<ReentrantLock> held = lock(before.keySet());
        try {
            before.replaceAll((key, none) -> reader.timeline(key));
            T result = write.get();
            if (changedAny.test(result)) {
                List<TimelineRevision> revisions = new ArrayList<>(before.size());
                before.forEach((key, then) -> revisions.add(new TimelineRevision(key, then, reader.timeline(key))));
                feed.record(revisions.stream().filter(TimelineRevision::changes).toList());
            }
            return result;
        } finally {
            held.forEach(ReentrantLock::unlock);
        }
    }

    /** Takes the keys' stripes in ascending order, so that two writes never wait for each other in a circle. */
    private List<ReentrantLock> lock(Iterable<TimelineKey> keys) {
        TreeSet<Integer> indexes = new TreeSet<>();
        keys.forEach(key -> indexes.add(Math.floorMod(key.hashCode(), STRIPES)));
        List<ReentrantLock> held = new ArrayList<>(indexes.size());
        for (int index : indexes) {
            stripes[index].lock();
            held.add(stripes[index]);
        }
        return held;
    }
}
