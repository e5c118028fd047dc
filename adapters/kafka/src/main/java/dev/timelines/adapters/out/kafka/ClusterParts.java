package dev.timelines.adapters.out.kafka;

import dev.timelines.application.model.ValueUsage;
import dev.timelines.application.port.out.OtherParts;
import dev.timelines.application.port.out.StorageStartingException;
import dev.timelines.application.question.PartialAnswer;
import dev.timelines.application.question.PartialQuestion;
import dev.timelines.application.question.Spellings;
import dev.timelines.domain.Attribute;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The parts of the store on the nodes of a Kafka cluster (docs/scaling.md, "Kafka"): a question is answered by
 * this node for the partitions it owns and asked of the owner of every other partition, found through the group's
 * own assignment ({@link PartitionOwners}); their partial answers merge with this node's. Every partition is
 * answered for exactly once: a reply covering a partition already answered for (the group moved it meanwhile) is
 * left out, and a partition no reply covered within the timeout makes the question fail with a 503 naming it,
 * never a silently partial answer.
 */
public final class ClusterParts implements OtherParts {

    private final KafkaEventStore store;
    private final PartTransport transport;
    private final Duration timeout;
    private final Consumer<SortedMap<Integer, Long>> reflected;
    private final PartialCodec codec = new PartialCodec();

    /** {@code reflected} is told, for each merged answer, the position of every partition it reflects. */
    public ClusterParts(KafkaEventStore store, PartTransport transport, Duration timeout,
            Consumer<SortedMap<Integer, Long>> reflected) {
        this.store = store;
        this.transport = transport;
        this.timeout = timeout;
        this.reflected = reflected;
        store.answerForPart();
    }

    @Override
    public <P extends PartialAnswer<P, ?, ?>> P merged(Attribute attribute, PartialQuestion<P> question,
            Supplier<P> part) {
        AppliedStore local = store.part();
        SortedMap<Integer, Long> answered = new TreeMap<>(store.positions());
        answered.keySet().retainAll(local.owned());
        byte[] asked = codec.writeQuestion(attribute, question);
        Map<String, CompletableFuture<PartTransport.PartReply>> replies = new LinkedHashMap<>();
        store.owners().byPartition().forEach((partition, address) -> {
            if (!local.owned().contains(partition)) {
                replies.computeIfAbsent(address, owner -> transport.ask(owner, asked));
            }
        });
        P merged = part.get();
        if (store.part() != local) {
            throw new StorageStartingException("partitions " + local.owned() + " of topic " + store.topic()
                    + " moved away from this node while it answered");
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        for (CompletableFuture<PartTransport.PartReply> reply : replies.values()) {
            received(reply, deadline).filter(other -> Collections.disjoint(other.positions().keySet(),
                    answered.keySet())).ifPresent(other -> {
                        merged.merge(codec.read(other.shipped(), question.ask()));
                        answered.putAll(other.positions());
                    });
        }
        SortedSet<Integer> missing = new TreeSet<>();
        for (int partition = 0; partition < store.partitionCount(); partition++) {
            if (!answered.containsKey(partition)) {
                missing.add(partition);
            }
        }
        if (!missing.isEmpty()) {
            throw new StorageStartingException("partitions " + missing + " of topic " + store.topic()
                    + " were not answered for within " + timeout + " (their owners: " + owners(missing) + ")");
        }
        reflected.accept(Collections.unmodifiableSortedMap(answered));
        return merged;
    }

    /**
     * Answers a question another node asked, for the partitions this node owns: {@code part} is this node's part
     * of the answer (the application's). Refused when the partitions moved while it was computed.
     */
    public PartTransport.PartReply answer(byte[] asked,
            BiFunction<Attribute, PartialQuestion<?>, PartialAnswer<?, ?, ?>> part) {
        PartialCodec.Question question = codec.readQuestion(asked);
        AppliedStore local = store.part();
        Map<Integer, Long> positions = new TreeMap<>(store.positions());
        positions.keySet().retainAll(local.owned());
        PartialAnswer<?, ?, ?> answered = part.apply(question.attribute(), question.question());
        if (store.part() != local) {
            throw new StorageStartingException("the partitions of this node moved while it answered");
        }
        Attribute attribute = question.attribute();
        return new PartTransport.PartReply(positions, codec.write(answered, Spellings.listed(
                local.engine().spellings(attribute),
                local.engine().values(attribute, Optional.empty()).stream().map(ValueUsage::value).toList())));
    }

    private static Optional<PartTransport.PartReply> received(CompletableFuture<PartTransport.PartReply> reply,
            long deadline) {
        try {
            return Optional.of(reply.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
        } catch (ExecutionException | TimeoutException unanswered) {
            reply.cancel(true);
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private Map<Integer, String> owners(SortedSet<Integer> partitions) {
        Map<Integer, String> owners = new TreeMap<>(store.owners().byPartition());
        owners.keySet().retainAll(partitions);
        return owners;
    }
}
