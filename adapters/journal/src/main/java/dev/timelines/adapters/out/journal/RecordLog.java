package dev.timelines.adapters.out.journal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

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
 * <p>{@link #compact} rewrites the closed segments at the head of the log through a {@link CompactionFilter},
 * crash-safely (the protocol is on {@link SegmentCompaction}), while appends go on.
 *
 * <p>Thread-safe.
 */
public final class RecordLog implements AutoCloseable {

    private final Path dir;
    private final long maxSegmentBytes;
    private final long maxFrameBytes;
    private final FileLayer files;
    private final DirectoryLock lock;
    private final SegmentWriter writer;
    /** Held by a compaction from start to end: one at a time, and close waits for it. */
    private final ReentrantLock compacting = new ReentrantLock();
    /** Held while the set of segment files changes (a compaction's swap) or is being read. */
    private final ReentrantLock directory = new ReentrantLock();
    private volatile boolean closing;

    private RecordLog(Path dir, LogOptions options, FileLayer files, DirectoryLock lock, SegmentWriter writer) {
        this.dir = dir;
        this.maxSegmentBytes = options.maxSegmentBytes();
        this.maxFrameBytes = options.maxSegmentBytes() - SegmentFormat.HEADER_BYTES;
        this.files = files;
        this.lock = lock;
        this.writer = writer;
    }

    /**
     * Opens (creating if need be) the log in {@code dir}, replays every complete batch to {@code visitor} and
     * readies the log for appends. A torn tail is truncated and logged; a compaction that a crash interrupted is
     * finished or undone first.
     *
     * @throws CorruptJournalException if damage is followed by valid data and the options do not allow
     *     truncating it
     * @throws JournalException if the directory is locked by another log or cannot be read or written
     */
    public static RecordLog open(Path dir, LogOptions options, RecordVisitor visitor) {
        return open(dir, options, visitor, new RealFileLayer());
    }

    static RecordLog open(Path dir, LogOptions options, RecordVisitor visitor, FileLayer files) {
        return open(dir, options, visitor, files, Optional.empty());
    }

    /** Opens the log like {@link #open(Path, LogOptions, RecordVisitor)}; replays only after the start's frame. */
    static RecordLog open(Path dir, LogOptions options, RecordVisitor visitor, FileLayer files,
            Optional<ReplayStart> start) {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(visitor, "visitor");
        DirectoryLock lock = null;
        try {
            Files.createDirectories(dir);
            lock = DirectoryLock.acquire(dir);
            Recovery.Tail tail = new Recovery(dir, files, options, visitor, start).run();
            return new RecordLog(dir, options, files, lock, new SegmentWriter(files, dir, options, tail));
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

    /** The last frame written or recovered, if the log holds any: after an append returns, its frame or a later one. */
    Optional<FrameId> lastFrame() {
        return Optional.ofNullable(writer.lastFrame());
    }

    /** Whether a write or fsync failed: the log may then hold batches that were never acknowledged. */
    boolean hasFailed() {
        return writer.hasFailed();
    }

    /** The bytes appended since the log was opened, framing included. */
    long bytesAppended() {
        return writer.bytesWritten();
    }

    /** Whether appends are accepted: false once closed or after a failed write or fsync (for readiness checks). */
    public boolean isWritable() {
        return writer.isWritable();
    }

    /** The number of the segment appends go to; the segments below it are closed, and may be compacted. */
    public long activeSegment() {
        return writer.activeSegment();
    }

    /**
     * Rewrites the segments up to {@code throughSegment} through {@code filter} and swaps the result in,
     * blocking appends at no point. Runs on the calling thread, which it keeps for as long as reading and
     * rewriting those segments takes; one compaction runs at a time.
     *
     * @param throughSegment the last segment to compact; it must be closed (below {@link #activeSegment()})
     * @throws IllegalArgumentException if that segment is not closed
     * @throws IllegalStateException if the log is closed
     * @throws java.util.concurrent.CancellationException if the log was closed meanwhile; nothing changed
     * @throws JournalException if the log is read-only after a failed write or fsync; or if reading or writing
     *     failed, or a segment turned out damaged: nothing changed if that happened before the commit point, and
     *     the next opening finishes the swap if after
     */
    public CompactionResult compact(long throughSegment, CompactionFilter filter) {
        Objects.requireNonNull(filter, "filter");
        compacting.lock();
        try {
            if (closing) {
                throw new IllegalStateException("the journal is closed");
            }
            if (!writer.isWritable()) {
                throw new JournalException("the journal is read-only after a failed write or fsync; compaction waits"
                        + " for the restart that makes it writable");
            }
            if (throughSegment >= writer.activeSegment()) {
                throw new IllegalArgumentException("segment " + throughSegment + " is not closed yet");
            }
            List<Path> compacted = segments().stream()
                    .filter(segment -> SegmentFiles.number(segment) <= throughSegment).toList();
            if (compacted.isEmpty()) {
                return new CompactionResult(throughSegment, 0, 0, 0, 0);
            }
            return new SegmentCompaction(files, dir, maxSegmentBytes, () -> closing, directory)
                    .run(compacted, filter);
        } catch (IOException e) {
            throw new JournalException("compacting the journal in " + dir + " failed", e);
        } finally {
            compacting.unlock();
        }
    }

    /** The segment files, in log order; the last one is being appended to. */
    public List<Path> segments() {
        directory.lock();
        try {
            return SegmentFiles.list(dir);
        } catch (IOException e) {
            throw new JournalException("cannot list the journal segments in " + dir, e);
        } finally {
            directory.unlock();
        }
    }

    /** The bytes the segment files take, including written but not yet fsynced ones. */
    public long sizeOnDisk() {
        return bytesOfSegmentsBelow(Long.MAX_VALUE);
    }

    /** The bytes the closed segments take: what compaction works on. */
    public long closedBytes() {
        return bytesOfSegmentsBelow(writer.activeSegment());
    }

    private long bytesOfSegmentsBelow(long number) {
        directory.lock();
        try {
            long total = 0;
            for (Path segment : SegmentFiles.list(dir)) {
                if (SegmentFiles.number(segment) < number) {
                    total += Files.size(segment);
                }
            }
            return total;
        } catch (IOException e) {
            throw new JournalException("cannot measure the journal in " + dir, e);
        } finally {
            directory.unlock();
        }
    }

    /**
     * Writes and fsyncs every queued append, stops the writer thread and releases the directory. A compaction
     * running meanwhile gives up, unless already past its commit point, in which case it finishes first.
     * Idempotent.
     *
     * @throws JournalException if those last appends could not be made durable
     */
    @Override
    public void close() {
        closing = true;
        compacting.lock();
        try {
            writer.close();
        } finally {
            compacting.unlock();
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
