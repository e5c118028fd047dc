package dev.timelines.application.service;

import dev.timelines.application.port.out.StoreHistory;

/**
 * Where a step of the stream ends: {@code maxStep} seqs after its start, or fewer at the durable seq. Seqs no write
 * took (an import's seqs lie above the store's, possibly far above) do not count: a step starting before such a gap
 * covers it and goes on for {@code maxStep} seqs from the first seq written after it, so that a gap costs a few
 * questions to the history rather than a step per {@code maxStep} seqs.
 */
final class StepEnds {

    private final StoreHistory history;
    private final long maxStep;

    StepEnds(StoreHistory history, long maxStep) {
        if (maxStep < 1) {
            throw new IllegalArgumentException("a step covers at least one seq");
        }
        this.history = history;
        this.maxStep = maxStep;
    }

    /** The end of the longest step from {@code after} while {@code durable} is the durable seq. */
    long from(long after, long durable) {
        long end = Math.min(durable, after + maxStep);
        if (end == durable || !history.changed(after, end).isEmpty()) {
            return end;
        }
        // Nothing was written in (after, unwritten]; the first seq written after it is found by halving.
        long unwritten = end;
        if (history.changed(unwritten, durable).isEmpty()) {
            return durable;
        }
        long written = durable;
        while (written - unwritten > 1) {
            long middle = unwritten + (written - unwritten) / 2;
            if (history.changed(unwritten, middle).isEmpty()) {
                unwritten = middle;
            } else {
                written = middle;
            }
        }
        return Math.min(durable, written - 1 + maxStep);
    }
}
