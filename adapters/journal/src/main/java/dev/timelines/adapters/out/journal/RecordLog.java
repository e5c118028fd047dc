package dev.timelines.adapters.out.journal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A durable, append-only log of typed, opaque records in checksummed segment files (layout in
 * {@link SegmentFormat}), replayed in order when opened.
 *
 * <p>Appends are batches, and a batch is the unit of atomicity: after any crash either all of its records
 * are replayed or none. An append returns once its batch is as durable as the {@link FsyncPolicy} promises;
 * concurrent appends share fsyncs.
 *
 * <p>Failure policy: if a write or fsync fails, that append throws and the log turns read-only for good:
 * every later append throws {@link JournalReadOnlyException} and {@link #isWritable()} turns false. An fsync
 * is never retried, because a failed fsync may already have dropped the data it was to persist. A restart
 * recovers: it re-validates the tail, keeping every batch that did reach the disk whole.
 *
 * <p>Thread-safe.
 */
public final class RecordLog implements AutoCloseable {

    private final Path dir;
    private final long maxFrameBytes;
    private final DirectoryLock lock;
    private final SegmentWriter writer;

    private RecordLog(Path dir, LogOptions options, DirectoryLock lock, SegmentWriter writer) {
        this.dir = dir;
        this.maxFrameBytes = options.maxSegmentBytes() - SegmentFormat.HEADER_BYTES;
        this.lock = lock;
        this.writer = writer;
    }

    /**
     * Opens (creating if need be) the log in {@code dir}, replays every complete batch to {@code visitor} and
     * readies the log for appends. A torn tail is truncated and logged.
     *
     * @throws CorruptJournalException if damage is followed by valid data and the options do not allow
     *     truncating it
     * @throws JournalException if the directory is locked by another log or cannot be read or written
     */
    public static RecordLog open(Path dir, LogOptions options, RecordVisitor visitor) {
        return open(dir, options, visitor, new RealFileLayer());
    }

    static RecordLog open(Path dir, LogOptions options, RecordVisitor visitor, FileLayer files) {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(visitor, "visitor");
        DirectoryLock lock = null;
        try {
            Files.createDirectories(dir);
            lock = DirectoryLock.acquire(dir);
            Recovery.Tail tail = new Recovery(dir, files, options, visitor).run();
            return new RecordLog(dir, options, lock, new SegmentWriter(files, dir, options, tail));
        } catch (IOException e) {
            release(lock, e);
            throw new JournalException("cannot open the journal in " + dir, e);
        } catch (RuntimeException e) {
            release(lock, e);
            throw e;
        }
    }

    /**
     * Appends one batch atomically and returns its records' positions once the batch is durable per the fsync
     * policy. An empty batch appends nothing.
     *
     * @throws IllegalArgumentException if the batch does not fit in one segment
     * @throws JournalException if the write or fsync failed: the batch is not acknowledged (after a restart it
     *     may or may not be there, but never in part) and the log is now read-only
     * @throws JournalReadOnlyException if an earlier write or fsync failed
     * @throws IllegalStateException if the log is closed
     */
    public List<LogPosition> append(List<JournalRecord> records) {
        if (records.isEmpty()) {
            return List.of();
        }
        return enqueue(records).awaitDurable();
    }

    /**
     * Queues one non-empty batch and returns at once. Batches reach the log in the order of these calls, so a
     * caller that must order its batches against its own state (sequence numbers, say) enqueues under its own
     * lock and awaits durability outside it, still sharing fsyncs with others.
     *
     * @throws IllegalArgumentException if the batch is empty or does not fit in one segment
     * @throws JournalReadOnlyException if an earlier write or fsync failed
     * @throws IllegalStateException if the log is closed
     */
    public PendingAppend enqueue(List<JournalRecord> records) {
        if (records.isEmpty()) {
            throw new IllegalArgumentException("a batch holds at least one record");
        }
        // Encoding and checksumming here, on the caller's thread, keeps the single writer thread doing only I/O.
        SegmentFormat.Frame frame = SegmentFormat.encode(records, maxFrameBytes);
        return new PendingAppend(writer.submit(frame));
    }

    /** Whether appends are accepted: false once closed or after a failed write or fsync (for readiness checks). */
    public boolean isWritable() {
        return writer.isWritable();
    }

    /** The segment files, in log order; the last one is being appended to. */
    public List<Path> segments() {
        try {
            return SegmentFiles.list(dir);
        } catch (IOException e) {
            throw new JournalException("cannot list the journal segments in " + dir, e);
        }
    }

    /** The bytes the segment files take, including written but not yet fsynced ones. */
    public long sizeOnDisk() {
        long total = 0;
        try {
            for (Path segment : segments()) {
                total += Files.size(segment);
            }
        } catch (IOException e) {
            throw new JournalException("cannot measure the journal in " + dir, e);
        }
        return total;
    }

    /**
     * Writes and fsyncs every queued append, stops the writer thread and releases the directory. Idempotent.
     *
     * @throws JournalException if those last appends could not be made durable
     */
    @Override
    public void close() {
        try {
            writer.close();
        } finally {
            release(lock, null);
        }
    }

    private static void release(DirectoryLock lock, Throwable failure) {
        if (lock == null) {
            return;
        }
        try {
            lock.close();
        } catch (IOException e) {
            if (failure != null) {
                failure.addSuppressed(e);
            } else {
                throw new JournalException("cannot release the journal directory lock", e);
            }
        }
    }
}
