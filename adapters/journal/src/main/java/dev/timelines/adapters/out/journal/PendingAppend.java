package dev.timelines.adapters.out.journal;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

/** A batch queued in the log, whose caller has yet to learn whether it became durable. */
public final class PendingAppend {

    private final Future<List<LogPosition>> durable;

    PendingAppend(Future<List<LogPosition>> durable) {
        this.durable = durable;
    }

    /**
     * Waits until the batch is as durable as the fsync policy promises and returns its records' positions.
     *
     * @throws JournalException if the write or fsync failed: the batch is not acknowledged (after a restart it
     *     may or may not be there, but never in part) and the log is now read-only
     */
    public List<LogPosition> awaitDurable() {
        try {
            return durable.get();
        } catch (ExecutionException e) {
            throw new JournalException("append failed and was not acknowledged; the journal is now read-only",
                    e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JournalException("interrupted while waiting for the batch to become durable; it is not"
                    + " acknowledged, but may still reach the log");
        }
    }
}
