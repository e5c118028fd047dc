package dev.timelines.adapters.out.journal;

import dev.timelines.adapters.out.memory.Admission;
import dev.timelines.adapters.out.memory.InMemoryEventStore;
import dev.timelines.application.port.out.EventLog;
import dev.timelines.application.port.out.StorageUnavailableException;
import dev.timelines.domain.IncomingEvent;
import dev.timelines.domain.IngestResult;
import dev.timelines.domain.Timeline;
import dev.timelines.domain.TimelineEvent;
import dev.timelines.domain.TimelineKey;
import dev.timelines.domain.Timestamp;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * The durable event log: every batch is written to the {@link RecordLog} before the memory engine shows it,
 * and the memory engine is rebuilt from the log at start. Reads go straight to the memory engine.
 *
 * <p>Deleted timelines' events stay in the log until compaction, on a thread of its own, rewrites the closed
 * segments without them ({@link #compact()}, or on its own per the options' {@link CompactionPolicy}).
 *
 * <p>Per the options' {@link SnapshotPolicy}, a snapshot of the memory engine ({@link Snapshots}) lets a start
 * load it and replay only the journal written after it.
 */
public final class JournalEventStore implements EventLog, AutoCloseable {

    private final InMemoryEventStore memory;
    private final RecordLog log;
    private final Deletions deletions;
    private final Compactor compactor;
    private final Snapshots snapshots;
    private final IndexedAttributes indexed;
    /** Admitting and queueing a batch happen together, so the log holds batches in seq order. */
    private final Object sequencer = new Object();
    /**
     * Appends share it; a delete takes it alone, so no batch admitted before the delete shows after it, and the
     * deletion's seq follows every seq in the log before it.
     */
    private final ReadWriteLock deletes;

    private JournalEventStore(InMemoryEventStore memory, RecordLog log, Deletions deletions, Compactor compactor,
            Snapshots snapshots, IndexedAttributes indexed, ReadWriteLock deletes) {
        this.memory = memory;
        this.log = log;
        this.deletions = deletions;
        this.compactor = compactor;
        this.snapshots = snapshots;
        this.indexed = indexed;
        this.deletes = deletes;
    }

    /** Opens the journal in {@code dir}, replaying it into {@code memory}, which must be empty. */
    public static JournalEventStore open(Path dir, LogOptions options, InMemoryEventStore memory) {
        return open(dir, options, memory, new RealFileLayer());
    }

    static JournalEventStore open(Path dir, LogOptions options, InMemoryEventStore memory, FileLayer files) {
        Deletions deletions = new Deletions();
        DeadBytes dead = new DeadBytes();
        ExecutorService compactionThread = Compactor.newThread(dir);
        EventReplay replay = new EventReplay(memory, deletions, dead, compactionThread);
        SnapshotFile snapshotFile = new SnapshotFile(files, dir);
        Optional<SnapshotStart> start = options.snapshot().enabled()
                ? SnapshotStart.read(snapshotFile, replay) : Optional.empty();
        RecordLog log;
        try {
            log = RecordLog.open(dir, options, replay, files, start.map(ReplayStart.class::cast));
        } catch (RuntimeException e) {
            compactionThread.shutdownNow();
            throw e;
        }
        FrameId covered = start.filter(SnapshotStart::wasAccepted).map(SnapshotStart::coveredFrame).orElse(null);
        if (covered == null) {
            deleteStale(snapshotFile, log, compactionThread);
        }
        ReadWriteLock deletes = new ReentrantReadWriteLock();
        // A delete registers its deletion before releasing the write lock: taking the read lock waits for that.
        Runnable deletionsRegistered = () -> {
            deletes.readLock().lock();
            deletes.readLock().unlock();
        };
        Snapshots snapshots = new Snapshots(snapshotFile, options.snapshot(), log, memory, deletions, dead,
                deletes.writeLock(), compactionThread, covered);
        Compactor compactor = new Compactor(log, deletions, dead, options.compaction(), deletionsRegistered,
                snapshots::firstSegmentToKeep, compactionThread);
        compactor.considerCompacting();
        IndexedAttributes indexed = new IndexedAttributes(dir);
        indexed.prepare(memory);
        return new JournalEventStore(memory, log, deletions, compactor, snapshots, indexed, deletes);
    }

    /**
     * Deletes a snapshot that replay did not use (unusable, or kept valid by nobody while snapshots are off), so
     * that no later start takes it for valid.
     */
    private static void deleteStale(SnapshotFile snapshotFile, RecordLog log, ExecutorService compactionThread) {
        try {
            if (snapshotFile.exists()) {
                snapshotFile.delete();
            }
        } catch (IOException e) {
            compactionThread.shutdownNow();
            log.close();
            throw new JournalException("cannot delete the unused snapshot " + snapshotFile.path(), e);
        }
    }

    @Override
    public IngestResult append(List<IncomingEvent> events, Timestamp received) {
        return write(() -> memory.admit(events, received));
    }

    /** Written like an append: the journal's records carry each event's seq and received time already. */
    @Override
    public IngestResult restore(List<TimelineEvent> events) {
        return write(() -> memory.admitRestored(events));
    }

    private IngestResult write(Supplier<Admission> admit) {
        deletes.readLock().lock();
        try {
            Admission admission;
            PendingAppend pending;
            synchronized (sequencer) {
                admission = admit.get();
                // Written even when it holds only duplicates: its durability then implies that of the earlier
                // batch that reserved those ids, so a duplicate is never acknowledged ahead of its original.
                pending = enqueueOrAbandon(admission);
            }
            List<LogPosition> positions;
            try {
                positions = awaitDurable(pending);
            } catch (StorageUnavailableException e) {
                memory.abandon(admission);
                throw e;
            }
            memory.publish(admission);
            if (!admission.events().isEmpty()) {
                compactor.appended(positions.get(0).segment(), seq(admission, 0));
            }
            snapshots.appended();
            return admission.result();
        } finally {
            deletes.readLock().unlock();
        }
    }

    @Override
    public boolean delete(TimelineKey key) {
        deletes.writeLock().lock();
        try {
            Optional<Timeline> timeline = memory.timeline(key);
            OptionalLong seq = memory.admitDeletion(key);
            if (seq.isEmpty()) {
                return false;
            }
            try {
                awaitDurable(enqueue(EventCodec.deletion(key, seq.getAsLong())));
            } catch (StorageUnavailableException e) {
                memory.abandonDeletion(seq.getAsLong());
                throw e;
            }
            // Registered before the write lock is released: compaction waits for that (see open).
            deletions.deleted(key, seq.getAsLong());
            memory.publishDeletion(key, seq.getAsLong());
            compactor.deleted(key, timeline.orElseThrow().events());
            return true;
        } finally {
            deletes.writeLock().unlock();
        }
    }

    /**
     * Compacts the closed segments now, on the compaction thread: drops the events of deleted timelines and
     * the deletion records, keeping every other event exactly. Appends and reads go on meanwhile.
     *
     * @return completes with what the compaction did; or exceptionally if it failed, or the journal was closed
     *     meanwhile: the journal then goes on as it was (or, past the commit point, finishes the swap when next
     *     opened)
     */
    public CompletableFuture<CompactionResult> compact() {
        return compactor.compact();
    }

    /** False once a write or fsync failed: reads go on, writes are refused until a restart. */
    public boolean isWritable() {
        return log.isWritable();
    }

    /**
     * Stops compaction (a running one gives up unless past its commit), writes the snapshot (per the options),
     * flushes and fsyncs, releases the directory. Appends should have stopped: one that slips in after the
     * snapshot is kept too, and replayed after it at the next start.
     *
     * @throws JournalException if the last appends or the snapshot could not be written (the journal is closed)
     */
    @Override
    public void close() {
        compactor.close();
        snapshots.close();
        try {
            snapshots.takeAtClose();
            // Only a clean close: a start after a failed one builds indexes as they are asked for.
            indexed.remember(memory);
        } finally {
            log.close();
        }
    }

    private PendingAppend enqueueOrAbandon(Admission admission) {
        try {
            return enqueue(EventCodec.events(admission.events()));
        } catch (RuntimeException e) {
            memory.abandon(admission);
            throw e;
        }
    }

    private PendingAppend enqueue(JournalRecord record) {
        try {
            return log.enqueue(List.of(record));
        } catch (JournalException | IllegalStateException | IllegalArgumentException e) {
            throw unavailable(e);
        }
    }

    private static List<LogPosition> awaitDurable(PendingAppend pending) {
        try {
            return pending.awaitDurable();
        } catch (JournalException e) {
            throw unavailable(e);
        }
    }

    private static long seq(Admission admission, int index) {
        return admission.events().get(index).event().seq();
    }

    private static StorageUnavailableException unavailable(RuntimeException cause) {
        return new StorageUnavailableException("the journal does not accept writes: " + cause.getMessage()
                + "; reads still work, and a restart after fixing the disk makes it writable again", cause);
    }
}
