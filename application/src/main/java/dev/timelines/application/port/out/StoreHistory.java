package dev.timelines.application.port.out;

import dev.timelines.domain.Attribute;
import dev.timelines.domain.Stay;
import dev.timelines.domain.Timeline;
import dev.timelines.domain.TimelineKey;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The store's writes in seq order, as the transitions stream reads them (docs/semantics.md, "The live stream"): which
 * timelines a run of writes changed, and each timeline as it stood after the writes up to a seq. Every write takes
 * seqs: an append or an import one per stored event, a deletion one of its own. Positions built on seqs survive
 * whatever the adapter keeps durable, and on a shared database name the same place for every instance.
 */
public interface StoreHistory {

    /**
     * The highest seq such that every write at or below it is durable and visible to {@link #changed} and
     * {@link #asOf}: a stream never reads past it, so it never sends a change the store could still lose.
     */
    long durable();

    /**
     * The lowest seq the history can still answer from: {@link #changed} and {@link #asOf} work for seqs at or above
     * it. It rises as the adapter forgets old history (bounded memory, compaction).
     */
    long horizon();

    /**
     * The timelines that writes with a seq in ({@code after}, {@code upTo}] changed: stored events in, or deleted.
     *
     * @throws HistoryGoneException if {@code after} lies below {@link #horizon()}
     */
    Set<TimelineKey> changed(long after, long upTo);

    /**
     * The timeline as it stood once every write up to {@code seq} was made (its events with a seq at or below it,
     * unless deleted by then), empty when it had no events then.
     *
     * @throws HistoryGoneException if {@code seq} lies below {@link #horizon()}
     */
    Optional<Timeline> asOf(TimelineKey key, long seq);

    /**
     * The stays of {@code attribute} in each of the timelines as of {@code seq} ({@link #asOf}), in time order; none
     * for a timeline that had no events then. All a stream's step needs of the timelines it changed: an adapter that
     * reads one attribute without building whole timelines, and reads many timelines at once, saves most of a step's
     * cost, which grows with the timelines' lengths and their number.
     *
     * @throws HistoryGoneException if {@code seq} lies below {@link #horizon()}
     */
    default Map<TimelineKey, List<Stay>> staysAsOf(Collection<TimelineKey> keys, Attribute attribute, long seq) {
        Map<TimelineKey, List<Stay>> stays = new HashMap<>();
        for (TimelineKey key : keys) {
            stays.put(key, asOf(key, seq).map(timeline -> timeline.stays(attribute)).orElse(List.of()));
        }
        return stays;
    }

    /**
     * Calls {@code listener} each time {@link #durable()} may have risen, on the writer's thread or the adapter's
     * own (it must only schedule work); returns the handle that stops the calls.
     */
    Runnable onDurable(Runnable listener);
}
