package dev.timelines.adapters.out.journal;

import dev.timelines.domain.TimelineEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The filter of one compaction of the journal's head: drops the events that a later deletion covers and
 * every deletion, and keeps every other event exactly (timestamp, seq, received, id, data).
 *
 * <p>Dropping every deletion is right because the compacted segments are the head of the log: whatever a
 * deletion there deleted precedes it there, is dead, and is dropped with it. This needs every deletion in
 * those segments registered in {@link Deletions} before the compaction starts, which {@link Compactor} ensures.
 *
 * <p>Replay derives two things from what is dropped: the next seq, one past the highest replayed, and the
 * history of the writes the transitions stream reads (a deleted timeline as it was). When it dropped anything, the
 * trailer therefore records the highest seq of the compacted segments, or of a deletion (possibly in a later
 * segment) whose events it dropped, whichever is higher ({@link EventCodec#COMPACTED_THROUGH}): replay gives no seq
 * up to it again, and its history starts after it.
 */
final class EventCompaction implements CompactionFilter {

    private final Deletions deletions;
    private long highestSeq;
    /** Zero while nothing was dropped; then the seq up to which replay cannot tell what happened. */
    private long lostThrough;

    EventCompaction(Deletions deletions) {
        this.deletions = deletions;
    }

    @Override
    public Optional<JournalRecord> rewrite(JournalRecord record) {
        return switch (record.type()) {
            case EventCodec.EVENTS -> keptEvents(record);
            case EventCodec.DELETE -> passed(highestSeq);
            case EventCodec.DELETION -> passed(EventCodec.readDeletion(record.payload()).seq());
            // Its seq may lie beyond records that follow it (a deletion's, in a later segment): not one of log order.
            case EventCodec.COMPACTED_THROUGH -> lost(EventCodec.readCompactedThrough(record.payload()));
            default -> throw new JournalException("unknown journal record type " + record.type());
        };
    }

    @Override
    public List<JournalRecord> trailer() {
        return lostThrough == 0 ? List.of() : List.of(EventCodec.compactedThrough(Math.max(lostThrough, highestSeq)));
    }

    /** The highest seq of the compacted segments. */
    long highestSeq() {
        return highestSeq;
    }

    /** Drops a record that took a seq, counting the seq. */
    private Optional<JournalRecord> passed(long seq) {
        highestSeq = Math.max(highestSeq, seq);
        return lost(highestSeq);
    }

    private Optional<JournalRecord> lost(long seq) {
        lostThrough = Math.max(lostThrough, seq);
        return Optional.empty();
    }

    private Optional<JournalRecord> keptEvents(JournalRecord record) {
        List<TimelineEvent> events = EventCodec.readEvents(record.payload());
        List<TimelineEvent> kept = new ArrayList<>(events.size());
        for (TimelineEvent admitted : events) {
            long seq = admitted.event().seq();
            if (seq <= highestSeq) {
                // Deletions rely on seqs in log order to tell the events they cover. Stop rather than guess.
                throw new JournalException("seq " + seq + " follows seq " + highestSeq + " in the journal;"
                        + " compaction needs seqs in log order and leaves this journal as it is");
            }
            highestSeq = seq;
            if (deletions.isDead(admitted.timeline(), seq)) {
                lostThrough = Math.max(lostThrough, deletions.deletedAt(admitted.timeline()));
            } else {
                kept.add(admitted);
            }
        }
        if (kept.isEmpty()) {
            // All dead, or a batch of duplicates only, written as an ordering barrier that has served its turn.
            return Optional.empty();
        }
        return Optional.of(kept.size() == events.size() ? record : EventCodec.events(kept));
    }
}
