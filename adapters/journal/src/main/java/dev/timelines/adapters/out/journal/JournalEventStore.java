package dev.timelines.adapters.out.journal;

import dev.timelines.adapters.out.memory.Admission;
import dev.timelines.adapters.out.memory.InMemoryEventStore;
import dev.timelines.application.port.out.EventLog;
import dev.timelines.application.port.out.StorageUnavailableException;
import dev.timelines.domain.IncomingEvent;
import dev.timelines.domain.IngestResult;
import dev.timelines.domain.TimelineKey;
import dev.timelines.domain.Timestamp;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The durable event log: every batch is written to the {@link RecordLog} before the memory engine shows it,
 * and the memory engine is rebuilt from the log at start. Reads go straight to the memory engine.
 */
public final class JournalEventStore implements EventLog, AutoCloseable {

    private final InMemoryEventStore memory;
    private final RecordLog log;
    /** Admitting and queueing a batch happen together, so the log holds batches in seq order. */
    private final Object sequencer = new Object();
    /** Appends share it; a delete takes it alone, so no batch admitted before the delete shows after it. */
    private final ReadWriteLock deletes = new ReentrantReadWriteLock();

    private JournalEventStore(InMemoryEventStore memory, RecordLog log) {
        this.memory = memory;
        this.log = log;
    }

    /** Opens the journal in {@code dir}, replaying it into {@code memory}, which must be empty. */
    public static JournalEventStore open(Path dir, LogOptions options, InMemoryEventStore memory) {
        return open(dir, options, memory, new RealFileLayer());
    }

    static JournalEventStore open(Path dir, LogOptions options, InMemoryEventStore memory, FileLayer files) {
        RecordLog log = RecordLog.open(dir, options, (record, position) -> replay(record, memory), files);
        return new JournalEventStore(memory, log);
    }

    private static void replay(JournalRecord record, InMemoryEventStore memory) {
        switch (record.type()) {
            case EventCodec.EVENTS -> EventCodec.readEvents(record.payload())
                    .forEach(admitted -> memory.restore(admitted.timeline(), admitted.event()));
            case EventCodec.DELETE -> memory.delete(EventCodec.readDelete(record.payload()));
            default -> throw new JournalException("unknown journal record type " + record.type());
        }
    }

    @Override
    public IngestResult append(List<IncomingEvent> events, Timestamp received) {
        deletes.readLock().lock();
        try {
            Admission admission;
            PendingAppend pending;
            synchronized (sequencer) {
                admission = memory.admit(events, received);
                // Written even when it holds only duplicates: its durability then implies that of the earlier
                // batch that reserved those ids, so a duplicate is never acknowledged ahead of its original.
                pending = enqueueOrAbandon(admission);
            }
            try {
                awaitDurable(pending);
            } catch (StorageUnavailableException e) {
                memory.abandon(admission);
                throw e;
            }
            memory.publish(admission);
            return admission.result();
        } finally {
            deletes.readLock().unlock();
        }
    }

    @Override
    public boolean delete(TimelineKey key) {
        deletes.writeLock().lock();
        try {
            if (memory.timeline(key).isEmpty()) {
                return false;
            }
            awaitDurable(enqueue(EventCodec.delete(key)));
            return memory.delete(key);
        } finally {
            deletes.writeLock().unlock();
        }
    }

    /** False once a write or fsync failed: reads go on, writes are refused until a restart. */
    public boolean isWritable() {
        return log.isWritable();
    }

    /** Flushes and fsyncs everything queued, then releases the data directory. */
    @Override
    public void close() {
        log.close();
    }

    private PendingAppend enqueueOrAbandon(Admission admission) {
        try {
            return enqueue(EventCodec.events(admission));
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

    private static void awaitDurable(PendingAppend pending) {
        try {
            pending.awaitDurable();
        } catch (JournalException e) {
            throw unavailable(e);
        }
    }

    private static StorageUnavailableException unavailable(RuntimeException cause) {
        return new StorageUnavailableException("the journal does not accept writes: " + cause.getMessage()
                + "; reads still work, and a restart after fixing the disk makes it writable again", cause);
    }
}
