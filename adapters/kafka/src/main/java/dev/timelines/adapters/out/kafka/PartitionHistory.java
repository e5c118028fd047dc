package dev.timelines.adapters.out.kafka;

import dev.timelines.adapters.out.memory.InMemoryEventStore;
import dev.timelines.application.port.out.StorageStartingException;
import dev.timelines.application.port.out.StoreHistory;
import dev.timelines.domain.Attribute;
import dev.timelines.domain.Stay;
import dev.timelines.domain.Timeline;
import dev.timelines.domain.TimelineKey;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The history of one partition in this node's engine, as the stream of that partition reads it
 * ({@code StreamParts.held}): the engine's history with only the partition's timelines, and as durable seq the seq
 * up to which the partition is applied ({@link AppliedSeqs}). Bound to the engine it was made from: a step reads
 * one engine throughout, and once the group moves the partition away (a new engine), every call is refused.
 */
final class PartitionHistory implements StoreHistory {

    private final KafkaEventStore store;
    private final AppliedStore applied;
    private final int partition;

    PartitionHistory(KafkaEventStore store, AppliedStore applied, int partition) {
        this.store = store;
        this.applied = applied;
        this.partition = partition;
    }

    private InMemoryEventStore engine() {
        if (!store.holds(applied, partition)) {
            throw new StorageStartingException("partition " + partition + " of topic " + store.topic()
                    + " moved away from this node");
        }
        return applied.engine();
    }

    @Override
    public long durable() {
        engine();
        return applied.seqs().of(partition);
    }

    @Override
    public long horizon() {
        return engine().horizon();
    }

    @Override
    public Set<TimelineKey> changed(long after, long upTo) {
        return engine().changed(after, upTo).stream().filter(key -> store.partitionOf(key) == partition)
                .collect(Collectors.toSet());
    }

    @Override
    public Optional<Timeline> asOf(TimelineKey key, long seq) {
        return engine().asOf(key, seq);
    }

    @Override
    public Map<TimelineKey, List<Stay>> staysAsOf(Collection<TimelineKey> keys, Attribute attribute, long seq) {
        return engine().staysAsOf(keys, attribute, seq);
    }

    @Override
    public Runnable onDurable(Runnable listener) {
        return store.onApplied(listener);
    }
}
