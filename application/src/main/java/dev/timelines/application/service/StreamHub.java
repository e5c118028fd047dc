package dev.timelines.application.service;

import dev.timelines.application.model.StreamStep;
import dev.timelines.application.port.out.HistoryGoneException;
import dev.timelines.application.port.out.StoreHistory;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The steps of one selection at the stream's frontier, computed once for all its clients: when a client asks for
 * the step after the frontier and the durable seq rose, the hub computes the steps up to it (each as long as
 * {@link StepEnds} allows) and keeps the last ones, up to {@value #KEPT_STEPS} steps and {@value #KEPT_MESSAGES}
 * messages. Clients at a kept step's start take it without computing; a client behind them computes its own steps up
 * to the next boundary the hub has, then joins.
 * Thread-safe. One thread at a time computes the frontier's steps, outside the hub's monitor, so that taking a kept
 * step or starting a stream never waits for it; a client that finds it computing gets nothing yet and is called
 * (through {@link #onStep}) as each step is kept. That thread reads as of the frontier only the timelines it does not
 * remember ({@link FrontierTransitions}).
 */
final class StreamHub {

    /**
     * Steps are as many as the durable seq's rises, a few hundred a second under a steady ingest, and a step without
     * messages costs little: enough for a client seconds behind to go on taking shared steps. A client behind the
     * kept steps computes its own, reading every timeline they changed twice, and so falls further behind.
     */
    private static final int KEPT_STEPS = 4096;
    /** The messages kept steps hold at most (each shared by the clients, some 100 bytes): seconds of a busy filter. */
    private static final int KEPT_MESSAGES = 65_536;

    private final StreamSelection selection;
    private final StoreHistory history;
    private final StepEnds ends;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    /** Touched only by the thread computing. */
    private final FrontierTransitions remembered = new FrontierTransitions(FrontierTransitions.REMEMBERED);
    /** The last steps computed, by their start (guarded by this). */
    private final TreeMap<Long, StreamStep> kept = new TreeMap<>();
    /** The messages of the kept steps (guarded by this). */
    private int keptMessages;
    /** Where the last computed step ends (guarded by this). */
    private long frontier;
    /** Whether a thread computes the frontier's steps (guarded by this). */
    private boolean computing;

    StreamHub(StreamSelection selection, StoreHistory history, StepEnds ends) {
        this.selection = selection;
        this.history = history;
        this.ends = ends;
        this.frontier = history.durable();
    }

    /** Calls {@code listener} each time a step is kept; returns the handle that stops the calls. */
    Runnable onStep(Runnable listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /**
     * The step that starts at {@code after}: a kept one, or one computed for this caller up to the next boundary of
     * the hub's steps; null when nothing is durable beyond {@code after} yet, or another thread is computing the step.
     *
     * @throws HistoryGoneException if the store no longer keeps the history after {@code after}
     */
    StreamStep stepAfter(long after) {
        while (true) {
            long upTo;
            synchronized (this) {
                StreamStep shared = kept.get(after);
                if (shared != null) {
                    return shared;
                }
                upTo = after < frontier ? Math.min(ends.from(after, frontier), nextBoundary(after)) : after;
            }
            if (upTo > after) {
                return selection.step(history, after, upTo);
            }
            if (!advance()) {
                return null;
            }
        }
    }

    private long nextBoundary(long after) {
        Long next = kept.higherKey(after);
        return next != null ? next : frontier;
    }

    /**
     * Computes the steps from the frontier to the durable seq, keeping each as it is done, unless another thread is
     * at it or nothing new is durable; whether it computed.
     */
    private boolean advance() {
        synchronized (this) {
            if (computing || frontier >= history.durable()) {
                return false;
            }
            computing = true;
        }
        try {
            long durable = history.durable();
            long at = frontier();
            while (at < durable) {
                StreamStep step = selection.step(history, at, ends.from(at, durable), remembered);
                keep(step);
                at = step.upTo();
            }
        } catch (HistoryGoneException e) {
            // The frontier fell below the horizon (a write larger than the history keeps): start again at the
            // durable seq; the clients that were at the frontier find their history gone.
            restartAt(history.durable());
        } finally {
            synchronized (this) {
                computing = false;
            }
        }
        listeners.forEach(Runnable::run);
        return true;
    }

    private synchronized long frontier() {
        return frontier;
    }

    private void keep(StreamStep step) {
        synchronized (this) {
            kept.put(step.after(), step);
            keptMessages += step.messages().size();
            frontier = step.upTo();
            while (kept.size() > 1 && (kept.size() > KEPT_STEPS || keptMessages > KEPT_MESSAGES)) {
                keptMessages -= kept.pollFirstEntry().getValue().messages().size();
            }
        }
        listeners.forEach(Runnable::run);
    }

    private void restartAt(long durable) {
        remembered.forget();
        synchronized (this) {
            kept.clear();
            keptMessages = 0;
            frontier = durable;
        }
    }
}
