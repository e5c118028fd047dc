package dev.timelines.adapters.out.journal;

/**
 * Told how long each fsync of a segment took, so that operations can watch the disk (a metrics timer, say)
 * without the journal knowing any metrics library. Called on the journal's single writer thread, between
 * groups of appends: it must return quickly.
 */
@FunctionalInterface
public interface FsyncListener {

    /** Listens to nothing. */
    FsyncListener NONE = nanos -> { };

    /** An fsync completed successfully after {@code nanos} nanoseconds. */
    void fsynced(long nanos);
}
