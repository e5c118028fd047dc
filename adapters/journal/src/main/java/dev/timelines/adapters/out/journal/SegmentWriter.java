package dev.timelines.adapters.out.journal;

import static java.lang.System.Logger.Level.ERROR;
import static java.lang.System.Logger.Level.WARNING;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The one thread that writes, rolls over and fsyncs segments, so group commit needs no further coordination.
 *
 * <p>Appenders queue encoded frames and wait. Each turn the thread takes everything queued (a group), writes it
 * with one gathered write and, under {@link FsyncPolicy.Always}, one fsync before completing the whole group:
 * appends that arrive during an fsync form the next group. Under {@link FsyncPolicy.Interval} the group is
 * completed right after the write and the thread fsyncs once the period has passed since the last fsync; writes
 * wait behind that fsync and then go out as one group.
 *
 * <p>The first failed write or fsync fails the group in flight and everything queued, and the writer stops for
 * good: after a failed fsync the kernel may have dropped the dirty pages and cleared the error, so retrying
 * could acknowledge bytes that were lost. Only a restart, whose recovery re-reads the files, resumes appends.
 *
 * <p>Keeping all file I/O on this thread also shields the channel from appenders' interrupts, which would
 * otherwise close it.
 */
final class SegmentWriter implements Runnable {

    private static final System.Logger LOG = System.getLogger(SegmentWriter.class.getName());

    private final FileLayer files;
    private final Path dir;
    private final long maxSegmentBytes;
    private final boolean syncEveryGroup;
    private final long syncPeriodNanos;
    private final FsyncListener fsyncListener;
    private final Thread thread;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wakeUp = lock.newCondition();
    private List<Request> queue = new ArrayList<>();
    private volatile boolean closing;
    private volatile Throwable failure;

    // Owned by the writer thread; the segment number is also read by compaction, which only touches older ones.
    private SegmentFile file;
    private volatile long segment;
    private long size;
    /** Written before the appends it ends are acknowledged, so an acknowledged append's frame is at or before it. */
    private volatile FrameId lastFrame;
    private volatile long bytesWritten;
    private boolean dirty;
    private long nextSyncAt;

    SegmentWriter(FileLayer files, Path dir, LogOptions options, Recovery.Tail tail) {
        this.files = files;
        this.dir = dir;
        this.maxSegmentBytes = options.maxSegmentBytes();
        this.syncEveryGroup = options.fsync() instanceof FsyncPolicy.Always;
        this.syncPeriodNanos = options.fsync() instanceof FsyncPolicy.Interval interval ? interval.period().toNanos() : 0;
        this.nextSyncAt = System.nanoTime() + syncPeriodNanos;
        this.fsyncListener = options.fsyncListener();
        this.file = tail.file();
        this.segment = tail.number();
        this.size = tail.size();
        this.lastFrame = tail.lastFrame();
        this.thread = new Thread(this, "journal-writer " + dir);
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Queues a frame; the future completes with its records' positions once the fsync policy is satisfied, or
     * exceptionally with the write or fsync failure that stopped the writer.
     *
     * @throws JournalReadOnlyException if an earlier write or fsync failed
     * @throws IllegalStateException if the log is closed
     */
    CompletableFuture<List<LogPosition>> submit(SegmentFormat.Frame frame) {
        lock.lock();
        try {
            if (failure != null) {
                throw new JournalReadOnlyException(failure);
            }
            if (closing) {
                throw new IllegalStateException("the journal is closed");
            }
            Request request = new Request(frame);
            queue.add(request);
            wakeUp.signal();
            return request.done;
        } finally {
            lock.unlock();
        }
    }

    /** The number of the segment being appended to: every lower-numbered segment is closed and durable. */
    long activeSegment() {
        return segment;
    }

    /** The last frame written, or null while the log holds none. */
    FrameId lastFrame() {
        return lastFrame;
    }

    /** The bytes of the frames written since the log was opened. */
    long bytesWritten() {
        return bytesWritten;
    }

    /** Whether a write or fsync failed. */
    boolean hasFailed() {
        return failure != null;
    }

    /** Whether appends are accepted: not closed, and no write or fsync has failed. */
    boolean isWritable() {
        return failure == null && !closing;
    }

    /**
     * Writes and fsyncs everything queued, stops the thread and closes the file.
     *
     * @throws JournalException if that final write or fsync failed (not if the log was already read-only)
     */
    void close() {
        boolean wasFailed;
        lock.lock();
        try {
            if (closing) {
                return;
            }
            wasFailed = failure != null;
            closing = true;
            wakeUp.signal();
        } finally {
            lock.unlock();
        }
        joinUninterruptibly();
        if (!wasFailed && failure != null) {
            throw new JournalException("closing the journal could not write or fsync its last appends", failure);
        }
    }

    @Override
    public void run() {
        List<Request> inFlight = List.of();
        try {
            List<Request> group;
            while ((group = nextGroup()) != null) {
                inFlight = group;
                commit(group);
                inFlight = List.of();
                if (dirty && System.nanoTime() - nextSyncAt >= 0) {
                    force();
                }
            }
            if (dirty) {
                force();
            }
        } catch (Throwable t) { // an I/O error above all, but whatever it is, nothing more may be acknowledged
            fail(t, inFlight);
        } finally {
            closeFile();
        }
    }

    /** Writes a group and acknowledges it: after an fsync, or right away under an interval policy. */
    private void commit(List<Request> group) throws IOException {
        write(group);
        if (syncEveryGroup) {
            force();
        }
        for (Request request : group) {
            request.done.complete(request.positions);
        }
    }

    /** Waits for queued appends (or a due interval fsync); null once closing with nothing left to write. */
    private List<Request> nextGroup() throws InterruptedException {
        lock.lock();
        try {
            while (queue.isEmpty() && !closing) {
                if (!dirty) {
                    wakeUp.await();
                } else {
                    long untilSync = nextSyncAt - System.nanoTime();
                    if (untilSync <= 0) {
                        return List.of();
                    }
                    wakeUp.awaitNanos(untilSync);
                }
            }
            if (queue.isEmpty()) {
                return null;
            }
            List<Request> group = queue;
            queue = new ArrayList<>();
            return group;
        } finally {
            lock.unlock();
        }
    }

    private void write(List<Request> group) throws IOException {
        List<ByteBuffer> pending = new ArrayList<>(group.size());
        for (Request request : group) {
            // append() refuses frames that do not fit an empty segment, so a fresh segment always takes this one.
            if (size + request.frame.size() > maxSegmentBytes) {
                appendAll(pending);
                pending.clear();
                rollOver();
            }
            request.positions = request.frame.positionsAt(segment, size);
            pending.add(request.frame.bytes());
            lastFrame = request.frame.idAt(segment, size);
            size += request.frame.size();
            bytesWritten += request.frame.size();
        }
        appendAll(pending);
    }

    private void appendAll(List<ByteBuffer> frames) throws IOException {
        if (!frames.isEmpty()) {
            file.append(frames.toArray(ByteBuffer[]::new));
            dirty = true;
        }
    }

    /**
     * Starts the next segment, fsyncing this one first: only the last segment may ever hold a torn tail, and
     * a segment is closed (so compaction may read it) only once durable.
     */
    private void rollOver() throws IOException {
        force();
        file.close();
        file = null;
        segment++;
        file = SegmentFiles.create(files, dir, segment);
        size = SegmentFormat.HEADER_BYTES;
    }

    private void force() throws IOException {
        long started = System.nanoTime();
        file.force();
        long finished = System.nanoTime();
        dirty = false;
        nextSyncAt = finished + syncPeriodNanos;
        tell(finished - started);
    }

    /** A failing listener is logged, never let through: anything thrown on this thread turns the journal read-only. */
    private void tell(long fsyncNanos) {
        try {
            fsyncListener.fsynced(fsyncNanos);
        } catch (RuntimeException e) {
            LOG.log(WARNING, "the fsync listener failed; the journal goes on", e);
        }
    }

    private void fail(Throwable cause, List<Request> inFlight) {
        List<Request> queued;
        lock.lock();
        try {
            failure = cause;
            queued = queue;
            queue = new ArrayList<>();
        } finally {
            lock.unlock();
        }
        LOG.log(ERROR, "journal write or fsync failed in " + dir + "; the journal is read-only until restart", cause);
        for (Request request : inFlight) {
            request.done.completeExceptionally(cause);
        }
        for (Request request : queued) {
            request.done.completeExceptionally(cause);
        }
    }

    private void closeFile() {
        if (file == null) {
            return;
        }
        try {
            file.close();
        } catch (IOException e) {
            // Everything acknowledged was fsynced (or written, under an interval) before this point.
            LOG.log(ERROR, "closing journal segment " + segment + " in " + dir + " failed", e);
        }
    }

    private void joinUninterruptibly() {
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** One queued append. */
    private static final class Request {

        final SegmentFormat.Frame frame;
        final CompletableFuture<List<LogPosition>> done = new CompletableFuture<>();
        List<LogPosition> positions;

        Request(SegmentFormat.Frame frame) {
            this.frame = frame;
        }
    }
}
