package dev.timelines.adapters.out.memory;

/**
 * How much of its recent writes the memory engine keeps for the transitions stream (docs/operations.md,
 * {@code timelines.stream.*}): a stream positioned before them is answered 410.
 *
 * @param retainedSeqs the last seqs whose timeline is remembered (a long and a reference each); a write of more
 *        events than this at once leaves every stream behind it
 * @param retainedDeletedEvents events of deleted timelines kept as they were, so that a stream positioned before
 *        a deletion still sees what it retracts
 */
public record HistoryLimits(int retainedSeqs, long retainedDeletedEvents) {

    public static final HistoryLimits DEFAULT = new HistoryLimits(1_000_000, 1_000_000);

    public HistoryLimits {
        if (retainedSeqs < 1 || retainedDeletedEvents < 0) {
            throw new IllegalArgumentException("a history keeps at least one seq, and no negative count of events");
        }
    }
}
