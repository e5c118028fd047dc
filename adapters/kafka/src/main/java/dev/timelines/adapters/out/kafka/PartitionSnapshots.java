package dev.timelines.adapters.out.kafka;

import dev.timelines.adapters.out.kafka.PartitionSnapshotFile.Entry;
import dev.timelines.adapters.out.memory.InMemoryEventStore;
import dev.timelines.domain.Timeline;
import dev.timelines.domain.TimelineEvent;
import dev.timelines.domain.TimelineKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The snapshots of the partitions in this node's directory (docs/scaling.md, "Snapshots"): loaded when the node
 * gains partitions, so that it applies only the records after them, and written from its engine, a file per
 * partition. A snapshot that cannot be read, is damaged or lies beyond the partition's end (a topic created anew
 * under the same name) is not trusted: the partition is applied from its start, and a log line says why.
 */
final class PartitionSnapshots {

    private static final System.Logger LOG = System.getLogger(PartitionSnapshots.class.getName());
    /** Events replayed into the engine at once: one hold of its lock each. */
    private static final int REPLAY_BATCH = 4096;

    /** An engine holding the snapshots loaded, and where each partition starts. */
    record Loaded(InMemoryEventStore engine, StartPoints start) {
    }

    private final PartitionSnapshotFile files;
    private final TimelinePartitions partitions;

    PartitionSnapshots(Path dir, String topic, TimelinePartitions partitions) {
        this.files = new PartitionSnapshotFile(dir, topic);
        this.partitions = partitions;
    }

    /**
     * A new engine with the snapshots of the owned partitions loaded, those whose offset lies within
     * {@code ends} (the partitions' ends now).
     */
    Loaded load(Set<Integer> owned, Map<Integer, Long> ends) {
        Set<Integer> untrusted = new HashSet<>();
        while (true) {
            Map<Integer, PartitionSnapshotFile.Reader> readers = new HashMap<>();
            try {
                for (int partition : owned) {
                    if (!untrusted.contains(partition)) {
                        open(partition).ifPresent(reader -> readers.put(partition, reader));
                        checkWithin(partition, readers.get(partition), ends.get(partition));
                    }
                }
                InMemoryEventStore engine = new InMemoryEventStore();
                replay(readers, engine);
                Map<Integer, PartitionSnapshotFile.Cover> covers = new HashMap<>();
                readers.forEach((partition, reader) -> covers.put(partition, reader.cover()));
                StartPoints start = new StartPoints(owned, covers);
                engine.historyLostUpTo(start.horizon());
                return new Loaded(engine, start);
            } catch (UntrustedSnapshot e) {
                // The engine may hold part of it: start again on a new one, without it.
                LOG.log(System.Logger.Level.WARNING, "ignoring the snapshot " + files.path(e.partition)
                        + ", partition " + e.partition + " is applied from its start: " + e.getMessage());
                untrusted.add(e.partition);
            } finally {
                readers.values().forEach(PartitionSnapshots::close);
            }
        }
    }

    /**
     * The entries of every snapshot merged in seq order, the order a node reading the partitions from their start
     * would apply them in as near as it can: the engine keeps reception times by seq, and takes them in that order
     * at no cost, but pays a copy for each one that falls among those it holds.
     */
    private static void replay(Map<Integer, PartitionSnapshotFile.Reader> readers, InMemoryEventStore engine) {
        record Head(int partition, Entry entry) {
        }
        PriorityQueue<Head> heads = new PriorityQueue<>(Comparator.comparingLong(head -> head.entry().seq()));
        readers.forEach((partition, reader) -> next(partition, reader).ifPresent(entry ->
                heads.add(new Head(partition, entry))));
        List<TimelineEvent> batch = new ArrayList<>(REPLAY_BATCH);
        while (!heads.isEmpty()) {
            Head head = heads.poll();
            Entry entry = head.entry();
            if (entry.event() != null) {
                batch.add(new TimelineEvent(entry.key(), entry.event()));
            }
            if (entry.event() == null || batch.size() == REPLAY_BATCH) {
                engine.replay(batch);
                batch.clear();
            }
            if (entry.event() == null) {
                engine.replayDeletion(entry.key(), entry.deletionSeq());
            }
            next(head.partition(), readers.get(head.partition())).ifPresent(following ->
                    heads.add(new Head(head.partition(), following)));
        }
        engine.replay(batch);
    }

    private Optional<PartitionSnapshotFile.Reader> open(int partition) {
        try {
            return files.open(partition);
        } catch (IOException | RuntimeException e) {
            throw new UntrustedSnapshot(partition, e.toString());
        }
    }

    private static Optional<Entry> next(int partition, PartitionSnapshotFile.Reader reader) {
        try {
            return reader.next();
        } catch (IOException | RuntimeException e) {
            throw new UntrustedSnapshot(partition, e.toString());
        }
    }

    private static void close(PartitionSnapshotFile.Reader reader) {
        try {
            reader.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "closing a snapshot failed", e);
        }
    }

    private static void checkWithin(int partition, PartitionSnapshotFile.Reader reader, Long end) {
        if (reader != null && reader.cover().offset() > end) {
            throw new UntrustedSnapshot(partition, "it covers up to offset " + reader.cover().offset()
                    + ", beyond the partition's end " + end + " (a topic created anew under the same name?)");
        }
    }

    /** The snapshot of each of the partitions, at the given offsets and with their numbering, as one cut: a new one. */
    void write(Set<Integer> group, InMemoryEventStore engine, Map<Integer, Long> offsets,
            Map<Integer, PartitionNumbering> numberings) throws IOException {
        UUID cut = UUID.randomUUID();
        long horizon = engine.horizon();
        Map<Integer, PartitionSnapshotFile.Writer> writers = new HashMap<>();
        try {
            for (int partition : group) {
                writers.put(partition, files.writer(partition, new PartitionSnapshotFile.Cover(
                        offsets.get(partition), numberings.get(partition), horizon, cut)));
            }
            writeEntries(engine, writers);
            for (PartitionSnapshotFile.Writer writer : writers.values()) {
                writer.commit();
            }
        } finally {
            for (PartitionSnapshotFile.Writer writer : writers.values()) {
                writer.close();
            }
        }
    }

    /**
     * Every stored event and kept deletion of the partitions, in seq order (the order the partitions' records
     * took them): replayed so, they rebuild the events, the deletions the history keeps, and which value's spelling
     * each engine shows.
     */
    private void writeEntries(InMemoryEventStore engine, Map<Integer, PartitionSnapshotFile.Writer> writers)
            throws IOException {
        SortedMap<Long, Entry> deleted = new TreeMap<>();
        for (Map.Entry<Long, Timeline> deletion : engine.deletionsKept().entrySet()) {
            TimelineKey key = deletion.getValue().key();
            if (writers.containsKey(partitions.of(key))) {
                deletion.getValue().events().forEach(event -> deleted.put(event.seq(), Entry.of(key, event)));
                deleted.put(deletion.getKey(), Entry.deletion(key, deletion.getKey()));
            }
        }
        try {
            engine.inSeqOrder(Optional.empty(), stored -> {
                PartitionSnapshotFile.Writer writer = writers.get(partitions.of(stored.timeline()));
                if (writer != null) {
                    writeUpTo(deleted, stored.event().seq(), writers);
                    write(writer, Entry.of(stored.timeline(), stored.event()));
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        writeUpTo(deleted, Long.MAX_VALUE, writers);
    }

    private void writeUpTo(SortedMap<Long, Entry> deleted, long seq, Map<Integer, PartitionSnapshotFile.Writer> writers) {
        SortedMap<Long, Entry> before = deleted.headMap(seq);
        before.values().forEach(entry -> write(writers.get(partitions.of(entry.key())), entry));
        before.clear();
    }

    private static void write(PartitionSnapshotFile.Writer writer, Entry entry) {
        try {
            writer.write(entry);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class UntrustedSnapshot extends RuntimeException {

        private final int partition;

        UntrustedSnapshot(int partition, String message) {
            super(message);
            this.partition = partition;
        }
    }
}
