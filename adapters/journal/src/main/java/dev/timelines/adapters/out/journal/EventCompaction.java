package dev.timelines.adapters.out.journal;

import dev.timelines.domain.Event;
import dev.timelines.domain.JsonValue;
import dev.timelines.domain.TimelineEvent;
import dev.timelines.domain.TimelineKey;
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
 * <p>One thing replay derives from dead events: the next seq, one past the highest replayed. When the
 * highest seq of the compacted segments belonged to a dropped event, the trailer keeps a stand-in for it (its
 * timeline, timestamp, seq and received time; no id, no data) followed by a deletion of that timeline, so
 * that replay still counts past it and shows nothing of it. Appending that pair after the kept events is
 * equivalent to keeping the event in place because seqs follow log order: the dropped event with the highest
 * seq comes after every kept one and before nothing but deletions, and its timeline has no kept events (they
 * would follow its deletion, with higher seqs).
 */
final class EventCompaction implements CompactionFilter {

    private final Deletions deletions;
    private long highestSeq;
    private long highestKeptSeq;
    private TimelineEvent highestDropped;

    EventCompaction(Deletions deletions) {
        this.deletions = deletions;
    }

    @Override
    public Optional<JournalRecord> rewrite(JournalRecord record) {
        return switch (record.type()) {
            case EventCodec.EVENTS -> keptEvents(record);
            case EventCodec.DELETE -> Optional.empty();
            default -> throw new JournalException("unknown journal record type " + record.type());
        };
    }

    @Override
    public List<JournalRecord> trailer() {
        if (!needsStandIn()) {
            return List.of();
        }
        Event dropped = highestDropped.event();
        Event standIn = new Event(dropped.timestamp(), dropped.seq(), dropped.received(), Optional.empty(),
                JsonValue.Obj.EMPTY);
        TimelineKey timeline = highestDropped.timeline();
        return List.of(EventCodec.events(List.of(new TimelineEvent(timeline, standIn))),
                EventCodec.delete(timeline));
    }

    /** The highest seq of the compacted segments. */
    long highestSeq() {
        return highestSeq;
    }

    /** The timeline of the stand-in the trailer holds, if it holds one. */
    Optional<TimelineKey> standInTimeline() {
        return needsStandIn() ? Optional.of(highestDropped.timeline()) : Optional.empty();
    }

    private boolean needsStandIn() {
        return highestDropped != null && highestDropped.event().seq() > highestKeptSeq;
    }

    private Optional<JournalRecord> keptEvents(JournalRecord record) {
        List<TimelineEvent> events = EventCodec.readEvents(record.payload());
        List<TimelineEvent> kept = new ArrayList<>(events.size());
        for (TimelineEvent admitted : events) {
            long seq = admitted.event().seq();
            if (seq <= highestSeq) {
                // The stand-in's reasoning needs seqs in log order; the store writes them so. Stop rather than guess.
                throw new JournalException("seq " + seq + " follows seq " + highestSeq + " in the journal;"
                        + " compaction needs seqs in log order and leaves this journal as it is");
            }
            highestSeq = seq;
            if (deletions.isDead(admitted.timeline(), seq)) {
                highestDropped = admitted;
            } else {
                kept.add(admitted);
                highestKeptSeq = seq;
            }
        }
        if (kept.isEmpty()) {
            // All dead, or a batch of duplicates only, written as an ordering barrier that has served its turn.
            return Optional.empty();
        }
        return Optional.of(kept.size() == events.size() ? record : EventCodec.events(kept));
    }
}
