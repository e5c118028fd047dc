package dev.timelines.adapters.out.kafka;

import dev.timelines.adapters.out.memory.InMemoryEventStore;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What this node has applied: the memory engine holding the partitions it owns, the highest seq it applied in each,
 * and whether it has caught up with what was committed to them when it gained them. Replaced whole when the group
 * moves partitions.
 */
record AppliedStore(InMemoryEventStore engine, AppliedSeqs seqs, Set<Integer> owned, boolean caughtUp) {

    static final AppliedStore NONE = new AppliedStore(Set.of());

    AppliedStore {
        owned = Set.copyOf(owned);
    }

    /** A new engine for the partitions, nothing applied yet. */
    AppliedStore(Set<Integer> owned) {
        this(new InMemoryEventStore(), new AppliedSeqs(), owned, false);
    }

    AppliedStore asCaughtUp() {
        return new AppliedStore(engine, seqs, owned, true);
    }

    /** The partitions of {@code all} this node cannot answer for: not owned, or owned but not caught up. */
    SortedSet<Integer> missing(int all) {
        SortedSet<Integer> missing = new TreeSet<>();
        for (int partition = 0; partition < all; partition++) {
            if (!caughtUp || !owned.contains(partition)) {
                missing.add(partition);
            }
        }
        return missing;
    }
}
