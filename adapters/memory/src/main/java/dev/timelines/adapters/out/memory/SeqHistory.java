package dev.timelines.adapters.out.memory;

import dev.timelines.application.port.out.HistoryGoneException;
import dev.timelines.domain.Timeline;
import dev.timelines.domain.TimelineKey;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The engine's recent writes by seq, as the transitions stream reads them ({@code StoreHistory}): which timeline
 * each of the last {@code retainedSeqs} seqs wrote, and the timelines deleted lately as they were when deleted.
 * The horizon rises as either forgets: a seq's slot taken by a later seq, a deleted timeline dropped to stay within
 * {@code retainedDeletedEvents} or older than the slots. Guarded by the engine's lock.
 */
final class SeqHistory {

    /** A deleted timeline as it stood before its deletion, which took seq {@code seq}. */
    private record Deletion(long seq, Timeline timeline) {
    }

    /** Seq n sits at n modulo the capacity: a ring needs no search, and a gap (an unused seq) shows as a stale slot. */
    private final long[] seqs;
    private final TimelineKey[] keys;
    private final long retainedDeletedEvents;
    private final ArrayDeque<Deletion> deletions = new ArrayDeque<>();
    private final Map<TimelineKey, ArrayDeque<Deletion>> deletionsByKey = new HashMap<>();
    private long deletedEvents;
    /** Below it nothing can be answered, whatever the ring holds: forgotten deletions, or history never seen. */
    private long floor;

    SeqHistory(HistoryLimits limits) {
        this.seqs = new long[limits.retainedSeqs()];
        this.keys = new TimelineKey[limits.retainedSeqs()];
        this.retainedDeletedEvents = limits.retainedDeletedEvents();
    }

    /** Seq {@code seq} stored an event of {@code key}. */
    void written(long seq, TimelineKey key) {
        int slot = slot(seq);
        seqs[slot] = seq;
        keys[slot] = key;
        // A deletion whose seq left the ring is of no use: the streams it served are below the horizon.
        while (!deletions.isEmpty() && deletions.peekFirst().seq() <= seq - seqs.length) {
            forgetOldestDeletion();
        }
    }

    /** Seq {@code seq} deleted {@code timeline}, kept as it was for the streams behind the deletion. */
    void deleted(long seq, Timeline timeline) {
        written(seq, timeline.key());
        Deletion deletion = new Deletion(seq, timeline);
        deletions.addLast(deletion);
        deletionsByKey.computeIfAbsent(timeline.key(), key -> new ArrayDeque<>()).addLast(deletion);
        deletedEvents += timeline.events().size();
        while (deletedEvents > retainedDeletedEvents) {
            forgetOldestDeletion();
        }
    }

    /** Nothing at or below {@code seq} is known any more (a snapshot loaded, a compacted journal replayed). */
    void forgetUpTo(long seq) {
        floor = Math.max(floor, seq);
    }

    /** The lowest seq answerable, given the highest seq the engine has handed out. */
    long horizon(long lastSeq) {
        return Math.max(floor, lastSeq - seqs.length);
    }

    Set<TimelineKey> changed(long after, long upTo, long lastSeq) {
        check(after, lastSeq);
        Set<TimelineKey> changed = new TreeSet<>();
        for (long seq = after + 1; seq <= upTo; seq++) {
            int slot = slot(seq);
            if (seqs[slot] == seq) {
                changed.add(keys[slot]);
            }
        }
        return changed;
    }

    /**
     * The timeline as of {@code seq}: the first deletion of the key after the seq held it then, if one is kept;
     * otherwise the timeline now ({@code current}) holds it, each filtered to the events written by then.
     */
    Optional<Timeline> asOf(TimelineKey key, long seq, long lastSeq, Optional<Timeline> current) {
        check(seq, lastSeq);
        Optional<Timeline> holder = current;
        ArrayDeque<Deletion> ofKey = deletionsByKey.get(key);
        if (ofKey != null) {
            for (Deletion deletion : ofKey) {
                if (deletion.seq() > seq) {
                    holder = Optional.of(deletion.timeline());
                    break;
                }
            }
        }
        return holder.flatMap(timeline -> timeline.upToSeq(seq));
    }

    private void check(long seq, long lastSeq) {
        long horizon = horizon(lastSeq);
        if (seq < horizon) {
            throw new HistoryGoneException("the store keeps its history from seq " + horizon + " on, not from " + seq);
        }
    }

    private void forgetOldestDeletion() {
        Deletion oldest = deletions.removeFirst();
        ArrayDeque<Deletion> ofKey = deletionsByKey.get(oldest.timeline().key());
        ofKey.removeFirst();
        if (ofKey.isEmpty()) {
            deletionsByKey.remove(oldest.timeline().key());
        }
        deletedEvents -= oldest.timeline().events().size();
        floor = Math.max(floor, oldest.seq());
    }

    private int slot(long seq) {
        return (int) (seq % seqs.length);
    }
}
