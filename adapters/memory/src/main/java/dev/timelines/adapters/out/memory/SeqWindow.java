package dev.timelines.adapters.out.memory;

import dev.timelines.domain.Event;
import dev.timelines.domain.TimelineEvent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;

/**
 * The events of a window of seqs, in seq order, and where the next window starts: how the engine exports the store
 * in seq order without an index by seq. Timelines keep their events in (timestamp, seq) order, so a window is a
 * pass over the timelines whose lowest and highest seqs enclose part of it, reading all their events; the events
 * in the window are then sorted. An export holds one window of events at a time (at most {@link #SEQS} of them)
 * beyond the store itself, and costs a pass over the timelines per window: about (events / {@link #SEQS}) x
 * (timelines + events of the timelines spanning each window). A page of an export is such events and where the next
 * page starts ({@link InMemoryEventStore#eventsFrom}).
 */
public record SeqWindow(List<TimelineEvent> events, OptionalLong next) {

    /** Seqs per window: the most events an export holds at a time. */
    static final long SEQS = 8192;

    /** The events with a seq from {@code from} to {@code from + SEQS - 1}, and the lowest seq above, if any. */
    static SeqWindow read(Iterable<StoredTimeline> timelines, long from) {
        // Seqs stay far below Long.MAX_VALUE: ingest counts from 1, an import takes seqs up to 2^53.
        long last = from + SEQS - 1;
        List<TimelineEvent> events = new ArrayList<>();
        long next = Long.MAX_VALUE;
        for (StoredTimeline timeline : timelines) {
            if (timeline.mayHoldSeqsIn(from, last)) {
                List<Event> held = new ArrayList<>();
                next = Math.min(next, timeline.eventsWithSeqsIn(from, last, held));
                held.forEach(event -> events.add(new TimelineEvent(timeline.key(), event)));
            } else if (timeline.firstSeq() > last) {
                next = Math.min(next, timeline.firstSeq());
            }
        }
        events.sort(Comparator.comparingLong(event -> event.event().seq()));
        return new SeqWindow(events, next == Long.MAX_VALUE ? OptionalLong.empty() : OptionalLong.of(next));
    }
}
