package dev.timelines.adapters.out.kafka;

import static dev.timelines.application.question.SplitReferenceStore.num;
import static dev.timelines.application.question.SplitReferenceStore.str;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.timelines.adapters.out.memory.InMemoryEventStore;
import dev.timelines.domain.Attribute;
import dev.timelines.domain.Event;
import dev.timelines.domain.EventId;
import dev.timelines.domain.JsonValue;
import dev.timelines.domain.TimelineEvent;
import dev.timelines.domain.TimelineKey;
import dev.timelines.domain.Timestamp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The snapshots of an engine's partitions, loaded into a new engine, rebuild what applying the records did: the
 * events with their seqs, the deleted timelines the history keeps with the seqs their deletions took, and the
 * spelling shown for each value ({@code 1} or {@code 1.0}, which depends on when deletions happened), and what
 * numbers each partition's later records ({@link PartitionNumbering}). Random out-of-order events, repeated ids and
 * deletions, the partitions written as one cut or as two.
 */
class PartitionSnapshotRoundTripTest {

    private static final Attribute STATUS = new Attribute("status");
    private static final List<JsonValue> VALUES = List.of(num("1"), num("1.0"), num("2"), str("a"));

    @Property(tries = 100)
    void loadingTheSnapshotsRebuildsWhatApplyingTheRecordsDid(@ForAll Random random,
            @ForAll @IntRange(min = 1, max = 4) int partitionCount) throws IOException {
        TimelinePartitions partitions = new TimelinePartitions(partitionCount);
        InMemoryEventStore applied = new InMemoryEventStore();
        Map<Integer, Long> highest = new HashMap<>();
        long seq = 0;
        for (int request = 0; request < 1 + random.nextInt(30); request++) {
            TimelineKey key = new TimelineKey("k" + random.nextInt(8));
            if (random.nextInt(6) == 0) {
                if (applied.timeline(key).isPresent()) {
                    applied.replayDeletion(key, ++seq);
                    highest.put(partitions.of(key), seq);
                }
                continue;
            }
            List<TimelineEvent> events = new ArrayList<>();
            for (int n = 0; n < 1 + random.nextInt(4); n++) {
                Optional<EventId> id = random.nextInt(3) == 0 ? Optional.of(new EventId("e" + random.nextInt(4)))
                        : Optional.empty();
                if (id.isEmpty() || !applied.holds(key, id.get())) {
                    events.add(new TimelineEvent(key, new Event(new Timestamp(1_000_000L * random.nextInt(20)), ++seq,
                            new Timestamp(1_000_000L * request), id, new JsonValue.Obj(Map.of("status",
                                    VALUES.get(random.nextInt(VALUES.size())))))));
                    highest.put(partitions.of(key), seq);
                }
            }
            applied.replay(events);
        }

        Path dir = Files.createTempDirectory("partition-snapshots");
        PartitionSnapshots snapshots = new PartitionSnapshots(dir, "topic", partitions);
        Set<Integer> all = new HashSet<>();
        Map<Integer, Long> offsets = new HashMap<>();
        Map<Integer, PartitionNumbering> numberings = new HashMap<>();
        for (int partition = 0; partition < partitionCount; partition++) {
            all.add(partition);
            offsets.put(partition, (long) random.nextInt(100));
            numberings.put(partition, new PartitionNumbering(highest.getOrDefault(partition, 0L),
                    (long) partitionCount * random.nextInt(3), random.nextBoolean()
                            ? PartitionNumbering.NONE_RECEIVED : 1_000_000L * random.nextInt(40)));
        }
        if (random.nextBoolean()) {
            snapshots.write(all, applied, offsets, numberings);
        } else {
            snapshots.write(Set.of(0), applied, offsets, numberings);
            all.stream().filter(partition -> partition != 0).forEach(partition -> write(snapshots, partition, applied,
                    offsets, numberings));
        }
        PartitionSnapshots.Loaded loaded = snapshots.load(all, Map.of(0, 100L, 1, 100L, 2, 100L, 3, 100L));
        try (var files = Files.list(dir)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(dir);

        InMemoryEventStore engine = loaded.engine();
        assertEquals(events(applied), events(engine));
        assertEquals(events(applied).toString(), events(engine).toString(), "every value written alike");
        assertEquals(deletions(applied), deletions(engine));
        assertEquals(applied.values(STATUS, Optional.empty()).toString(), engine.values(STATUS, Optional.empty())
                .toString());
        for (int partition = 0; partition < partitionCount; partition++) {
            assertEquals(offsets.get(partition), loaded.start().offset(partition).getAsLong());
            assertEquals(numberings.get(partition), loaded.start().covers().get(partition).numbering());
        }
        assertEquals(highest.values().stream().mapToLong(Long::longValue).max().orElse(0), loaded.start().highestSeq());
    }

    private static void write(PartitionSnapshots snapshots, int partition, InMemoryEventStore engine,
            Map<Integer, Long> offsets, Map<Integer, PartitionNumbering> numberings) {
        try {
            snapshots.write(Set.of(partition), engine, offsets, numberings);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** By the seq each deletion took, the timeline deleted and its events then. */
    private static Map<Long, Map.Entry<TimelineKey, List<Event>>> deletions(InMemoryEventStore store) {
        Map<Long, Map.Entry<TimelineKey, List<Event>>> deletions = new HashMap<>();
        store.deletionsKept().forEach((seq, timeline) -> deletions.put(seq, Map.entry(timeline.key(),
                timeline.events())));
        return deletions;
    }

    private static List<TimelineEvent> events(InMemoryEventStore store) {
        List<TimelineEvent> events = new ArrayList<>();
        store.inSeqOrder(Optional.empty(), events::add);
        return events;
    }
}
