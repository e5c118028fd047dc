package dev.timelines.adapters.out.journal;

import static java.lang.System.Logger.Level.ERROR;
import static java.lang.System.Logger.Level.INFO;

import dev.timelines.domain.Event;
import dev.timelines.domain.TimelineKey;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.LongSupplier;

/**
 * Compacts the journal's closed segments on its own thread, when asked or when the {@link CompactionPolicy}
 * says the deleted timelines' bytes are worth it. That thread also does the accounting of dead bytes, so
 * that deleting a timeline costs appends no more than it did.
 *
 * <p>After a failed compaction, automatic ones wait for the next segment to close before trying again, so
 * that a full disk is not hammered.
 */
final class Compactor implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Compactor.class.getName());

    private final RecordLog log;
    private final Deletions deletions;
    private final DeadBytes dead;
    private final CompactionPolicy policy;
    private final Runnable deletionsRegistered;
    private final LongSupplier firstSegmentToKeep;
    private final ExecutorService thread;
    private volatile boolean closed;
    // Owned by the compaction thread.
    private long retryFromSegment;

    /**
     * @param deletionsRegistered returns once every deletion whose record is already in the log is registered
     *     in {@code deletions}
     * @param firstSegmentToKeep called on the compaction thread before each compaction: the first segment it
     *     must leave alone (a snapshot depends on it)
     * @param thread from {@link #newThread}; it may already have work queued (replay measuring dead bytes)
     */
    Compactor(RecordLog log, Deletions deletions, DeadBytes dead, CompactionPolicy policy,
            Runnable deletionsRegistered, LongSupplier firstSegmentToKeep, ExecutorService thread) {
        this.log = log;
        this.deletions = deletions;
        this.dead = dead;
        this.policy = policy;
        this.deletionsRegistered = deletionsRegistered;
        this.firstSegmentToKeep = firstSegmentToKeep;
        this.thread = thread;
    }

    /** The compaction thread of the journal in {@code dir}; it does not keep the JVM alive. */
    static ExecutorService newThread(Path dir) {
        return Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "journal-compactor " + dir);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Counts a deleted timeline's events as dead; they were its events when its deletion became durable. */
    void deleted(TimelineKey key, List<Event> events) {
        submit(() -> {
            dead.deleted(key, events);
            compactIfWorthIt();
        });
    }

    /** Notes that a batch starting at {@code firstSeq} became durable in {@code segment}. */
    void appended(long segment, long firstSeq) {
        if (dead.appended(segment, firstSeq)) {
            considerCompacting();
        }
    }

    /** Compacts soon if the policy says it is worth it: when a segment closes, and once the log is open. */
    void considerCompacting() {
        submit(this::compactIfWorthIt);
    }

    /** Compacts the closed segments now, whatever the policy; completes with what it did. */
    CompletableFuture<CompactionResult> compact() {
        try {
            return CompletableFuture.supplyAsync(this::compactClosedSegments, thread);
        } catch (RejectedExecutionException closing) {
            return CompletableFuture.failedFuture(new IllegalStateException("the journal is closed", closing));
        }
    }

    /**
     * Stops the thread, dropping queued work. A compaction running meanwhile is the log's to stop: closing the
     * log makes it give up, or finish its swap if past its commit point.
     */
    @Override
    public void close() {
        closed = true;
        thread.shutdown();
    }

    /** Queues work for the thread, unless closed: then it is not needed any more. */
    private void submit(Runnable task) {
        try {
            thread.execute(() -> {
                if (!closed) {
                    task.run();
                }
            });
        } catch (RejectedExecutionException closing) {
            // Closed meanwhile.
        }
    }

    private void compactIfWorthIt() {
        long active = log.activeSegment();
        if (!policy.automatic() || active < retryFromSegment || !log.isWritable()) {
            return;
        }
        long deadBytes = dead.below(active);
        if (deadBytes == 0 || deadBytes < policy.minDeadBytes()
                || deadBytes < policy.minDeadRatio() * log.closedBytes()) {
            return;
        }
        try {
            compactClosedSegments();
        } catch (RuntimeException e) {
            retryFromSegment = active + 1;
            if (!closed) {
                LOG.log(ERROR, "compacting the journal failed; the journal itself goes on, and compaction is tried"
                        + " again once another segment closes", e);
            }
        }
    }

    private CompactionResult compactClosedSegments() {
        long through = Math.min(log.activeSegment(), firstSegmentToKeep.getAsLong()) - 1;
        // After fixing which segments to compact: every deletion in them has then been written, and this
        // waits until the ones still in progress are registered too.
        deletionsRegistered.run();
        Map<TimelineKey, Long> registered = deletions.snapshot();
        long counted = dead.below(through + 1);
        long started = System.nanoTime();
        EventCompaction filter = new EventCompaction(deletions);
        CompactionResult result = log.compact(through, filter);
        deletions.forget(registered, filter.highestSeq());
        dead.compacted(through, counted);
        if (result.segmentsBefore() > 0) {
            LOG.log(INFO, () -> String.format("compacted journal segments up to %d in %d ms: %d files of %d bytes"
                    + " became %d files of %d bytes", through, (System.nanoTime() - started) / 1_000_000,
                    result.segmentsBefore(), result.bytesBefore(), result.segmentsAfter(), result.bytesAfter()));
        }
        return result;
    }
}
