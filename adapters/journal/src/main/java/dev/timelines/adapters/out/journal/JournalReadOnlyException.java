package dev.timelines.adapters.out.journal;

/**
 * The log refuses appends because an earlier write or fsync failed; the cause is that first failure. Only a
 * restart, whose recovery re-validates the tail, makes the journal writable again.
 */
public final class JournalReadOnlyException extends JournalException {

    public JournalReadOnlyException(Throwable firstFailure) {
        super("the journal is read-only after a failed write or fsync; restart to recover", firstFailure);
    }
}
