package dev.timelines.adapters.out.journal;

import dev.timelines.adapters.out.memory.InMemoryEventStore;
import dev.timelines.domain.Timeline;
import dev.timelines.domain.TimelineEvent;
import dev.timelines.domain.TimelineKey;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * Rebuilds the memory engine from the journal's records, and with it what compaction needs to know: which
 * events are dead, and how many bytes they take where. Measuring those bytes means encoding every deleted
 * event again, so that is left to the compaction thread, running alongside replay rather than lengthening it.
 */
final class EventReplay implements RecordVisitor {

    private final InMemoryEventStore memory;
    private final Deletions deletions;
    private final DeadBytes dead;
    private final Executor compactionThread;
    private long highestSeq;

    EventReplay(InMemoryEventStore memory, Deletions deletions, DeadBytes dead, Executor compactionThread) {
        this.memory = memory;
        this.deletions = deletions;
        this.dead = dead;
        this.compactionThread = compactionThread;
    }

    @Override
    public void visit(JournalRecord record, LogPosition position) {
        switch (record.type()) {
            case EventCodec.EVENTS -> restore(EventCodec.readEvents(record.payload()), position);
            case EventCodec.DELETE -> deleteWithoutSeq(EventCodec.readDelete(record.payload()));
            case EventCodec.DELETION -> delete(EventCodec.readDeletion(record.payload()));
            case EventCodec.COMPACTED_THROUGH -> compactedThrough(EventCodec.readCompactedThrough(record.payload()));
            default -> throw new JournalException("unknown journal record type " + record.type());
        }
    }

    /** Brings the memory engine and compaction's bookkeeping up to the snapshot, in place of replaying up to it. */
    void resume(JournalSnapshot snapshot) {
        memory.load(snapshot.memory());
        snapshot.deletions().forEach(deletions::deleted);
        dead.restore(snapshot.deadBytes());
        highestSeq = snapshot.memory().lastSeq();
    }

    private void restore(List<TimelineEvent> events, LogPosition position) {
        if (events.isEmpty()) {
            return;
        }
        dead.appended(position.segment(), events.get(0).event().seq());
        for (TimelineEvent admitted : events) {
            memory.replay(admitted.timeline(), admitted.event());
            highestSeq = Math.max(highestSeq, admitted.event().seq());
        }
    }

    private void delete(EventCodec.Deletion deletion) {
        deadBytes(deletion.key());
        deletions.deleted(deletion.key(), deletion.seq());
        memory.replayDeletion(deletion.key(), deletion.seq());
        highestSeq = Math.max(highestSeq, deletion.seq());
    }

    /**
     * A deletion written before deletions took seqs covers the events up to the highest seq replayed; it has no
     * place among them in the history, which starts after it.
     */
    private void deleteWithoutSeq(TimelineKey key) {
        deadBytes(key);
        deletions.deleted(key, highestSeq);
        memory.replayDeletion(key, highestSeq);
        memory.historyLostUpTo(highestSeq);
    }

    private void deadBytes(TimelineKey key) {
        memory.timeline(key).map(Timeline::events)
                .ifPresent(events -> compactionThread.execute(() -> dead.deleted(key, events)));
    }

    /** Compaction dropped what it found dead up to this seq: the history starts after it. */
    private void compactedThrough(long seq) {
        memory.historyLostUpTo(seq);
        highestSeq = Math.max(highestSeq, seq);
    }
}
