package dev.timelines.application.port.out;

/**
 * An import whose first seq the store has already given: imported events keep their seqs, so they must all lie
 * above the highest seq the store ever gave (docs/api.md, "Export and import"). Nothing of the request is stored.
 */
public final class SeqConflictException extends RuntimeException {

    private final long seq;
    private final long highest;

    public SeqConflictException(long seq, long highest) {
        super("seq " + seq + " is not above the store's highest seq, " + highest
                + ": an import keeps its seqs, so it goes into an empty store or after what the store holds;"
                + " nothing was stored");
        this.seq = seq;
        this.highest = highest;
    }

    /** The imported seq that is taken. */
    public long seq() {
        return seq;
    }

    /** The highest seq the store has given. */
    public long highest() {
        return highest;
    }
}
