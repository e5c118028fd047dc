package dev.timelines.adapters.out.memory;

import dev.timelines.application.port.out.HistoryGoneException;
import dev.timelines.domain.Event;
import dev.timelines.domain.Timeline;
import dev.timelines.domain.TimelineEvent;
import dev.timelines.domain.TimelineKey;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The engine's recent writes by seq, as the transitions stream reads them ({@code StoreHistory}): which timeline
 * each of the last {@code retainedSeqs} seqs wrote, and the timelines deleted lately as they were when deleted.
 * The horizon rises as either forgets: a seq's slot taken by another seq, a deleted timeline dropped to stay within
 * {@code retainedDeletedEvents} or below the horizon. Seqs a write skipped (an import's seqs lie above the store's)
 * take no slot. Guarded by the engine's lock.
 */
final class SeqHistory {

    /** A deleted timeline as it stood before its deletion, which took seq {@code seq}. */
    record Deletion(long seq, Timeline timeline) {
    }

    /**
     * What an image of the engine keeps of its history: the floor and the deleted timelines kept. Which timeline
     * the other seqs of the ring wrote follows from the events the image holds.
     */
    record Image(long floor, List<Deletion> deletions) {

        static final Image EMPTY = new Image(0, List.of());

        void writeTo(DataOutput out) throws IOException {
            out.writeLong(floor);
            out.writeInt(deletions.size());
            for (Deletion deletion : deletions) {
                out.writeLong(deletion.seq());
                out.writeInt(deletion.timeline().events().size());
                for (Event event : deletion.timeline().events()) {
                    byte[] bytes = EventBytes.of(deletion.timeline().key(), event);
                    out.writeInt(bytes.length);
                    out.write(bytes);
                }
            }
        }

        static Image readFrom(DataInput in) throws IOException {
            long floor = in.readLong();
            int count = ImageIo.readCount(in);
            List<Deletion> deletions = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                long seq = in.readLong();
                int events = ImageIo.readCount(in);
                List<TimelineEvent> deleted = new ArrayList<>(events);
                for (int e = 0; e < events; e++) {
                    byte[] bytes = new byte[ImageIo.readCount(in)];
                    in.readFully(bytes);
                    deleted.add(EventBytes.from(bytes));
                }
                deletions.add(new Deletion(seq, new Timeline(deleted.get(0).timeline(),
                        deleted.stream().map(TimelineEvent::event).toList())));
            }
            return new Image(floor, deletions);
        }
    }

    /** Seq n sits at n modulo the capacity: a ring needs no search, and an unused seq shows as a slot of another. */
    private final long[] seqs;
    private final TimelineKey[] keys;
    private final long retainedDeletedEvents;
    private final ArrayDeque<Deletion> deletions = new ArrayDeque<>();
    private final Map<TimelineKey, ArrayDeque<Deletion>> deletionsByKey = new HashMap<>();
    private long deletedEvents;
    /** The horizon: below it something is forgotten (a slot's seq, a deletion) or was never seen. */
    private long floor;

    SeqHistory(HistoryLimits limits) {
        this.seqs = new long[limits.retainedSeqs()];
        this.keys = new TimelineKey[limits.retainedSeqs()];
        this.retainedDeletedEvents = limits.retainedDeletedEvents();
    }

    /** Seq {@code seq} stored an event of {@code key}. */
    void written(long seq, TimelineKey key) {
        int slot = slot(seq);
        long held = seqs[slot];
        if (held != 0) {
            // Of two seqs in one slot the lower is forgotten (an image's events come in no seq order).
            floor = Math.max(floor, Math.min(held, seq));
        }
        if (held < seq) {
            seqs[slot] = seq;
            keys[slot] = key;
        }
        // A deletion at or below the horizon is of no use: the streams it served are gone.
        while (!deletions.isEmpty() && deletions.peekFirst().seq() <= floor) {
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

    Image image() {
        return new Image(floor, List.copyOf(deletions));
    }

    /**
     * Takes in an image's history: the ring learns which timeline the deleted timelines' events and their deletions
     * wrote; the engine tells it about the events the image holds.
     */
    void load(Image image) {
        floor = Math.max(floor, image.floor());
        for (Deletion deletion : image.deletions()) {
            deletion.timeline().events().forEach(event -> written(event.seq(), deletion.timeline().key()));
            deleted(deletion.seq(), deletion.timeline());
        }
    }

    /** Nothing at or below {@code seq} is known any more (a snapshot loaded, a compacted journal replayed). */
    void forgetUpTo(long seq) {
        floor = Math.max(floor, seq);
    }

    /** The lowest seq answerable. */
    long horizon() {
        return floor;
    }

    /**
     * Looks at each seq of the range, or at each slot when the range is longer than the ring (a skip of seqs). In no
     * order: a stream orders only the few timelines that have messages.
     */
    Set<TimelineKey> changed(long after, long upTo) {
        check(after);
        Set<TimelineKey> changed = new HashSet<>();
        if (upTo - after <= seqs.length) {
            for (long seq = after + 1; seq <= upTo; seq++) {
                int slot = slot(seq);
                if (seqs[slot] == seq) {
                    changed.add(keys[slot]);
                }
            }
        } else {
            for (int slot = 0; slot < seqs.length; slot++) {
                if (seqs[slot] > after && seqs[slot] <= upTo) {
                    changed.add(keys[slot]);
                }
            }
        }
        return changed;
    }

    /**
     * The timeline the first kept deletion of the key after {@code seq} removed: it held the key's events written up
     * to that seq. Empty when no such deletion is kept: the timeline now holds them (the engine reads it).
     */
    Optional<Timeline> deletedAfter(TimelineKey key, long seq) {
        check(seq);
        ArrayDeque<Deletion> ofKey = deletionsByKey.get(key);
        if (ofKey != null) {
            for (Deletion deletion : ofKey) {
                if (deletion.seq() > seq) {
                    return Optional.of(deletion.timeline());
                }
            }
        }
        return Optional.empty();
    }

    /** Refuses a seq below the horizon. */
    void check(long seq) {
        if (seq < floor) {
            throw new HistoryGoneException("the store keeps its history from seq " + floor + " on, not from " + seq);
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
