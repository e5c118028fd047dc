package dev.timelines.application.service;

import dev.timelines.application.port.out.HistoryGoneException;
import dev.timelines.application.port.out.StoreHistory;
import java.util.TreeMap;

/**
 * The steps of one selection at the stream's frontier, computed once for all its clients: when a client asks for
 * the step after the frontier and the durable seq rose, the hub computes the steps up to it (each as long as
 * {@link StepEnds} allows) and keeps the last {@value #KEPT_STEPS}. Clients at a kept step's start take it without
 * computing; a client behind them computes its own steps up to the next boundary the hub has, then joins.
 * Thread-safe: computing a step holds the hub, so the clients that want it wait for it rather than compute it too.
 */
final class StreamHub {

    /** Enough for a client a few wake-ups behind the frontier to rejoin; each step with no message costs little. */
    private static final int KEPT_STEPS = 64;

    private final StreamSelection selection;
    private final StoreHistory history;
    private final StepEnds ends;
    private final TreeMap<Long, StreamStep> kept = new TreeMap<>();
    /** Where the last computed step ends (guarded by this). */
    private long frontier;

    StreamHub(StreamSelection selection, StoreHistory history, StepEnds ends) {
        this.selection = selection;
        this.history = history;
        this.ends = ends;
        this.frontier = history.durable();
    }

    /** Brings the hub up to the durable seq, and returns where it stands: where a new client starts. */
    synchronized long frontier() {
        advance();
        return frontier;
    }

    /**
     * The step that starts at {@code after}: a kept one, or one computed for this caller up to the next boundary of
     * the hub's steps; null when {@code after} is the frontier and nothing is durable beyond it.
     *
     * @throws HistoryGoneException if the store no longer keeps the history after {@code after}
     */
    StreamStep stepAfter(long after) {
        long upTo;
        synchronized (this) {
            advance();
            StreamStep shared = kept.get(after);
            if (shared != null) {
                return shared;
            }
            if (after >= frontier) {
                return null;
            }
            Long next = kept.higherKey(after);
            upTo = Math.min(ends.from(after, frontier), next != null ? next : frontier);
        }
        return selection.step(history, after, upTo);
    }

    /** Computes the steps from the frontier to the durable seq, forgetting the oldest beyond those kept. */
    private void advance() {
        long durable = history.durable();
        try {
            while (frontier < durable) {
                StreamStep step = selection.step(history, frontier, ends.from(frontier, durable));
                kept.put(step.after(), step);
                frontier = step.upTo();
            }
        } catch (HistoryGoneException e) {
            // The frontier fell below the horizon (a write larger than the history keeps): start again at the
            // durable seq; the clients that were at the frontier find their history gone.
            kept.clear();
            frontier = durable;
        }
        while (kept.size() > KEPT_STEPS) {
            kept.pollFirstEntry();
        }
    }
}
