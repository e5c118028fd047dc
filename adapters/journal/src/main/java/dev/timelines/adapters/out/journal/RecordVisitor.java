package dev.timelines.adapters.out.journal;

/**
 * Receives every recovered record, in log order, while {@link RecordLog#open} replays the log.
 *
 * <p>Records arrive whole-batch at a time: a batch is never replayed in part. If {@code open} throws,
 * the visitor may already have seen a prefix of the log; discard what it built.
 */
@FunctionalInterface
public interface RecordVisitor {

    /** Takes one recovered record; the payload array belongs to the visitor. */
    void visit(JournalRecord record, LogPosition position);
}
