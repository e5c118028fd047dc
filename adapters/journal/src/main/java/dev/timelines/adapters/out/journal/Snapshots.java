package dev.timelines.adapters.out.journal;

import static java.lang.System.Logger.Level.ERROR;
import static java.lang.System.Logger.Level.INFO;

import dev.timelines.adapters.out.memory.InMemoryEventStore;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Lock;

/**
 * Takes the snapshots of a journal's memory engine: at close, in the background every
 * {@link SnapshotPolicy#intervalBytes()} of journal, and before a compaction.
 *
 * <p>A snapshot must match one frame exactly. The memory engine shows a batch only once it is durable, so the
 * cut pauses appends and deletes (it takes their lock exclusively): then no batch is between the log and the
 * memory engine, and the last frame written is the last one shown. The pause lasts as long as copying the
 * memory engine's arrays; writing the copy to disk happens after it.
 *
 * <p>A snapshot stays valid only while the segment holding its frame, and every later one, stay as written:
 * a compaction drops deletions, which a replay after the snapshot must still see. So compaction only rewrites
 * segments below the snapshot's, and first takes a new snapshot if that keeps it from closed segments.
 * Background snapshots run on the compaction thread, so the two never interleave.
 */
final class Snapshots implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Snapshots.class.getName());

    private final SnapshotFile file;
    private final SnapshotPolicy policy;
    private final RecordLog log;
    private final InMemoryEventStore memory;
    private final Deletions deletions;
    private final DeadBytes dead;
    /** Held exclusively to pause appends and deletes. */
    private final Lock writes;
    private final Executor thread;
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private volatile boolean closed;
    /** The frame of the snapshot on disk, or null when there is none. */
    private volatile FrameId covered;
    private volatile long bytesAtLastSnapshot;

    /**
     * @param covered the frame of the snapshot on disk that replay resumed from, or null
     * @param thread the compaction thread
     */
    Snapshots(SnapshotFile file, SnapshotPolicy policy, RecordLog log, InMemoryEventStore memory,
            Deletions deletions, DeadBytes dead, Lock writes, Executor thread, FrameId covered) {
        this.file = file;
        this.policy = policy;
        this.log = log;
        this.memory = memory;
        this.deletions = deletions;
        this.dead = dead;
        this.writes = writes;
        this.thread = thread;
        this.covered = covered;
    }

    /** Takes a snapshot in the background if the journal has grown by the interval since the last one. */
    void appended() {
        if (policy.dueAfter(log.bytesAppended() - bytesAtLastSnapshot) && scheduled.compareAndSet(false, true)) {
            try {
                thread.execute(() -> {
                    try {
                        if (!closed) {
                            takeOrLog();
                        }
                    } finally {
                        // Only now: appends meanwhile must not queue a second snapshot right behind this one.
                        scheduled.set(false);
                    }
                });
            } catch (RejectedExecutionException closing) {
                // The journal is closing: its close takes the last snapshot.
                scheduled.set(false);
            }
        }
    }

    /**
     * The first segment a compaction must leave as it is: that of the snapshot's frame, after taking a new
     * snapshot if the current one is older than the active segment. On the compaction thread only.
     */
    long firstSegmentToKeep() {
        if (!policy.enabled()) {
            return Long.MAX_VALUE;
        }
        if (covered == null || covered.segment() < log.activeSegment()) {
            takeOrLog();
        }
        // With no snapshot the log is empty or the snapshot failed: either way nothing may be rewritten.
        return covered == null ? 0 : covered.segment();
    }

    /** Stops background snapshots: those queued are skipped. */
    @Override
    public void close() {
        closed = true;
    }

    /**
     * Takes the snapshot at close, before the log closes: unless snapshots are off, the log failed (it may then
     * hold batches the memory engine gave up) or nothing was appended since the last snapshot.
     *
     * @throws JournalException if the snapshot could not be written; the journal itself is closed and whole
     */
    void takeAtClose() {
        if (policy.enabled() && !log.hasFailed()) {
            try {
                take();
            } catch (IOException e) {
                throw new JournalException("closing the journal could not write its snapshot; the journal is"
                        + " whole, the next start replays it all", e);
            }
        }
    }

    private void takeOrLog() {
        try {
            take();
        } catch (IOException | RuntimeException e) {
            LOG.log(ERROR, "taking a snapshot of the journal failed; the journal goes on, and the next start"
                    + " replays more of it", e);
        }
    }

    /** One at a time: the background, a compaction and close may each want one. */
    private synchronized void take() throws IOException {
        long started = System.nanoTime();
        Optional<JournalSnapshot> cut = cut();
        if (cut.isEmpty()) {
            return;
        }
        long copied = System.nanoTime();
        file.write(cut.get());
        covered = cut.get().frame();
        LOG.log(INFO, () -> String.format("snapshot of %d events up to offset %d of segment %d written in %d ms"
                + " (writes paused for %d ms of it)", cut.get().memory().events(), covered.offset(),
                covered.segment(), (System.nanoTime() - started) / 1_000_000, (copied - started) / 1_000_000));
    }

    /**
     * What the store knows up to its last frame, copied while appends and deletes wait; empty if the log has no
     * frame or the snapshot on disk already covers it.
     */
    private Optional<JournalSnapshot> cut() {
        writes.lock();
        try {
            Optional<FrameId> frame = log.lastFrame();
            if (frame.isEmpty() || frame.get().equals(covered)) {
                return Optional.empty();
            }
            bytesAtLastSnapshot = log.bytesAppended();
            return Optional.of(new JournalSnapshot(frame.get(), deletions.snapshot(), dead.image(), memory.image()));
        } finally {
            writes.unlock();
        }
    }
}
