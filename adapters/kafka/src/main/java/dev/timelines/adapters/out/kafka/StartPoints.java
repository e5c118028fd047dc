package dev.timelines.adapters.out.kafka;

import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Where this node started applying each partition it owns: after the offset its snapshot covers, or from the
 * start. It decides which partitions a request's records are awaited in (docs/scaling.md, "Snapshots"): those
 * that started at the same point as the record's, as there a request is all before the start or all after it.
 * Those are the partitions started from snapshots of one cut (written at one moment when every request read in
 * them was applied whole), or all those started from the start; of a partition started elsewhere this node cannot
 * tell whether the request's records there are in its snapshot or still to read, so it does not wait for them.
 *
 * @param owned the partitions owned
 * @param covers for those started from a snapshot, what it covers
 */
record StartPoints(Set<Integer> owned, Map<Integer, PartitionSnapshotFile.Cover> covers) {

    StartPoints {
        owned = Set.copyOf(owned);
        covers = Map.copyOf(covers);
    }

    /** Every partition from its start. */
    static StartPoints fromStart(Set<Integer> owned) {
        return new StartPoints(owned, Map.of());
    }

    /** The next offset to apply, when the partition starts after a snapshot. */
    OptionalLong offset(int partition) {
        PartitionSnapshotFile.Cover cover = covers.get(partition);
        return cover == null ? OptionalLong.empty() : OptionalLong.of(cover.offset());
    }

    /** The owned partitions started at the same point as this one: a request's records are awaited in them. */
    Set<Integer> coupledWith(int partition) {
        Optional<UUID> cut = cut(partition);
        return owned.stream().filter(other -> cut(other).equals(cut)).collect(Collectors.toUnmodifiableSet());
    }

    /** The owned partitions grouped by start point. */
    Set<Set<Integer>> groups() {
        Set<Set<Integer>> groups = new HashSet<>();
        owned.forEach(partition -> groups.add(coupledWith(partition)));
        return groups;
    }

    /** The highest seq the snapshots' records took: an import goes above it. */
    long highestSeq() {
        return covers.values().stream().mapToLong(cover -> cover.numbering().highestSeq()).max().orElse(0);
    }

    /** The highest history horizon of the snapshots: below it the transitions stream cannot be told. */
    long horizon() {
        return covers.values().stream().mapToLong(PartitionSnapshotFile.Cover::horizon).max().orElse(0);
    }

    private Optional<UUID> cut(int partition) {
        return Optional.ofNullable(covers.get(partition)).map(PartitionSnapshotFile.Cover::cut);
    }
}
