package dev.timelines.adapters.out.kafka;

import dev.timelines.adapters.out.memory.InMemoryEventStore;
import dev.timelines.domain.Event;
import dev.timelines.domain.Timeline;
import dev.timelines.domain.TimelineKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
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
            InMemoryEventStore engine = new InMemoryEventStore();
            Map<Integer, PartitionSnapshotFile.Cover> covers = new HashMap<>();
            try {
                for (int partition : owned) {
                    if (!untrusted.contains(partition)) {
                        loadInto(engine, partition).ifPresent(cover -> covers.put(partition, cover));
                        checkWithin(partition, covers.get(partition), ends.get(partition));
                    }
                }
                StartPoints start = new StartPoints(owned, covers);
                engine.historyLostUpTo(start.horizon());
                return new Loaded(engine, start);
            } catch (UntrustedSnapshot e) {
                // The engine may hold part of it: start again on a new one, without it.
                LOG.log(System.Logger.Level.WARNING, "ignoring the snapshot " + files.path(e.partition)
                        + ", partition " + e.partition + " is applied from its start: " + e.getMessage());
                untrusted.add(e.partition);
            }
        }
    }

    /** The snapshot of each of the partitions, at the given offsets, as one cut: a new one. */
    void write(Set<Integer> group, InMemoryEventStore engine, Map<Integer, Long> offsets, Map<Integer, Long> highest)
            throws IOException {
        UUID cut = UUID.randomUUID();
        long horizon = engine.horizon();
        Map<Integer, PartitionSnapshotFile.Writer> writers = new HashMap<>();
        try {
            for (int partition : group) {
                writers.put(partition, files.writer(partition, new PartitionSnapshotFile.Cover(
                        offsets.get(partition), highest.getOrDefault(partition, 0L), horizon, cut)));
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
                deletion.getValue().events().forEach(event -> deleted.put(event.seq(), new Entry(key, event, 0)));
                deleted.put(deletion.getKey(), new Entry(key, null, deletion.getKey()));
            }
        }
        try {
            engine.inSeqOrder(Optional.empty(), stored -> {
                PartitionSnapshotFile.Writer writer = writers.get(partitions.of(stored.timeline()));
                if (writer != null) {
                    writeUpTo(deleted, stored.event().seq(), writers);
                    write(writer, new Entry(stored.timeline(), stored.event(), 0));
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        writeUpTo(deleted, Long.MAX_VALUE, writers);
    }

    /** An event, or a deletion with the seq it took. */
    private record Entry(TimelineKey key, Event event, long deletionSeq) {
    }

    private void writeUpTo(SortedMap<Long, Entry> deleted, long seq, Map<Integer, PartitionSnapshotFile.Writer> writers) {
        SortedMap<Long, Entry> before = deleted.headMap(seq);
        before.values().forEach(entry -> write(writers.get(partitions.of(entry.key())), entry));
        before.clear();
    }

    private static void write(PartitionSnapshotFile.Writer writer, Entry entry) {
        try {
            if (entry.event() != null) {
                writer.event(entry.key(), entry.event());
            } else {
                writer.deletion(entry.key(), entry.deletionSeq());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Optional<PartitionSnapshotFile.Cover> loadInto(InMemoryEventStore engine, int partition) {
        try {
            return files.load(partition, engine);
        } catch (IOException | RuntimeException e) {
            throw new UntrustedSnapshot(partition, e.toString());
        }
    }

    private void checkWithin(int partition, PartitionSnapshotFile.Cover cover, Long end) {
        if (cover != null && cover.offset() > end) {
            throw new UntrustedSnapshot(partition, "it covers up to offset " + cover.offset()
                    + ", beyond the partition's end " + end + " (a topic created anew under the same name?)");
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
