package dev.timelines.adapters.out.kafka;

import dev.timelines.application.model.ValueUsage;
import dev.timelines.application.port.out.EventLog;
import dev.timelines.application.port.in.StreamPartUseCase;
import dev.timelines.application.port.out.OtherParts;
import dev.timelines.application.port.out.Spelling;
import dev.timelines.application.port.out.StorageStartingException;
import dev.timelines.application.port.out.TimelineReader;
import dev.timelines.application.question.Listing;
import dev.timelines.application.question.PartialAnswer;
import dev.timelines.application.question.PartialQuestion;
import dev.timelines.application.question.Spellings;
import dev.timelines.domain.Attribute;
import dev.timelines.domain.Event;
import dev.timelines.domain.IncomingEvent;
import dev.timelines.domain.IngestResult;
import dev.timelines.domain.Timeline;
import dev.timelines.domain.TimelineEvent;
import dev.timelines.domain.TimelineKey;
import dev.timelines.domain.Timestamp;
import java.time.Duration;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
 * own assignment ({@link PartitionOwners}); their partial answers merge with this node's, and so do their listings of
 * keys, attribute names and values. Every partition is answered for exactly once: a reply covering a partition
 * already answered for (the group moved it meanwhile) is left out, and a partition no reply covered within the
 * timeout makes the question fail with a 503 naming it, or, only when the request asked for it, leaves it out and
 * tells the request so ({@link AnswerScope}): never a silently partial answer. A question about one timeline is
 * answered from the timeline as the owner of its key's partition holds it: this node's own, or shipped by that owner
 * (there is no partial answer of one timeline). A request is written through this node whichever partitions it owns,
 * the owners of its partitions telling their verdicts ({@link #append}); a read waits, bounded, until every owner
 * has applied the positions it names (read-your-writes).
 */
public final class ClusterParts implements OtherParts, TimelineReader, EventLog {

    /**
     * Events of a part per page of the export: a window of the engine's seqs when they are dense; the node exporting
     * holds a page of every part at a time.
     */
    private static final int EXPORT_PAGE = 8192;

    private final KafkaEventStore store;
    private final PartTransport transport;
    private final Duration timeout;
    private final Duration positionTimeout;
    private final AnswerScope scope;
    private final PartialCodec codec = new PartialCodec();
    private final KafkaStreamParts streamParts;
    private final int exportPage;

    /**
     * {@code scope} says whether the request being answered takes a partial answer and which positions it must
     * reflect at least (read-your-writes), and is told, for each answer, the position of every partition it reflects
     * and those it is missing; for each write, the positions it wrote. {@code timeout} bounds the wait for the other
     * nodes' parts and verdicts, {@code positionTimeout} the wait of each owner until it has applied the positions
     * a read asks for.
     */
    public ClusterParts(KafkaEventStore store, PartTransport transport, Duration timeout, Duration positionTimeout,
            AnswerScope scope) {
        this(store, transport, timeout, positionTimeout, scope, EXPORT_PAGE);
    }

    /** {@code exportPage}: the most events of a part a page of the export of the whole store holds. */
    ClusterParts(KafkaEventStore store, PartTransport transport, Duration timeout, Duration positionTimeout,
            AnswerScope scope, int exportPage) {
        this.store = store;
        this.transport = transport;
        this.timeout = timeout;
        this.positionTimeout = positionTimeout;
        this.scope = scope;
        this.streamParts = new KafkaStreamParts(store, transport, timeout);
        this.exportPage = exportPage;
        store.answerForPart();
    }

    /**
     * Writes the request through this node, whichever partitions it owns (docs/scaling.md, "Kafka"): one transaction,
     * all or nothing, then the verdict of every owner of a partition written once it has applied it, so that
     * {@code accepted} and {@code duplicates} are exact. An owner not answering in time makes it a 503 saying the
     * request is committed and safe to send again with its ids.
     */
    @Override
    public IngestResult append(List<IncomingEvent> events, Timestamp received) {
        return confirmed(store.write(events, received)).ingested();
    }

    /** A tombstone written through this node; whether it deleted anything is its partition's owner's verdict. */
    @Override
    public boolean delete(TimelineKey key) {
        return confirmed(store.writeDeletion(key)).stored() > 0;
    }

    /** An import keeps its seqs: only a node owning every partition takes it ({@link KafkaEventStore#restore}). */
    @Override
    public IngestResult restore(List<TimelineEvent> events) {
        return store.restore(events);
    }

    /**
     * The verdicts of the owners of every partition the request wrote: this node's own from its engine, the others'
     * asked over the transport; the reply is told the positions written, for a read-your-writes read.
     */
    private Verdicts.Verdict confirmed(WrittenRequest written) {
        scope.reflect(written.positions(), Collections.emptySortedSet());
        // Not store.part(): the request is committed, so partitions moving here make it unconfirmed, not refused.
        Set<Integer> local = store.owners().mine();
        byte[] asked = codec.writeVerdictRequest(written);
        Map<String, CompletableFuture<PartTransport.PartReply>> replies = new LinkedHashMap<>();
        written.offsets().keySet().forEach(partition -> {
            String owner = store.owners().byPartition().get(partition);
            if (!local.contains(partition) && owner != null) {
                replies.computeIfAbsent(owner, address -> transport.ask(address, asked));
            }
        });
        Map<Integer, Verdicts.Verdict> decided = new HashMap<>(store.verdicts(written.request(), written.offsets(),
                timeout));
        long deadline = System.nanoTime() + timeout.toNanos();
        for (CompletableFuture<PartTransport.PartReply> reply : replies.values()) {
            received(reply, deadline).ifPresent(verdicts -> codec.readVerdicts(verdicts.shipped())
                    .forEach(decided::putIfAbsent));
        }
        return written.verdict(decided, timeout, store.owners().byPartition());
    }

    /** The partitions as the transitions stream reads them: this node's, or asked of their owners. */
    public KafkaStreamParts streamParts() {
        return streamParts;
    }

    @Override
    public <P extends PartialAnswer<P, ?, ?>> P merged(Attribute attribute, PartialQuestion<P> question,
            Supplier<P> part) {
        return gathered(codec.writeQuestion(attribute, question, scope.awaited()), part,
                (merged, owner, shipped) -> merged.merge(codec.read(shipped.shipped(), question.ask())), scope);
    }

    @Override
    public <T> T listed(Listing<T> listing, Supplier<T> part) {
        return gathered(codec.writeListing(listing, scope.awaited()), part,
                (merged, owner, shipped) -> listing.merge(merged, codec.readListed(listing, shipped.shipped())), scope);
    }

    /** How a gathering takes in what an owner, at its address, shipped. */
    @FunctionalInterface
    private interface Merge<T> {
        T apply(T merged, String owner, PartTransport.PartReply shipped);
    }

    /**
     * This node's part ({@code part} computes it) with what the owner of every other partition shipped, each
     * taken in by {@code merge}: every partition answered for exactly once, or a 503 naming those that were not,
     * unless {@code scope}, the request, takes a partial answer (then it is told which are missing).
     */
    private <T> T gathered(byte[] asked, Supplier<T> part, Merge<T> merge, AnswerScope scope) {
        AppliedStore local = store.part();
        store.awaitPositions(scope.awaited(), positionTimeout);
        SortedMap<Integer, Long> answered = new TreeMap<>(store.positions());
        answered.keySet().retainAll(local.owned());
        Map<String, CompletableFuture<PartTransport.PartReply>> replies = new LinkedHashMap<>();
        store.owners().byPartition().forEach((partition, address) -> {
            if (!local.owned().contains(partition)) {
                replies.computeIfAbsent(address, owner -> transport.ask(owner, asked));
            }
        });
        T merged = part.get();
        if (store.part() != local) {
            throw new StorageStartingException("partitions " + local.owned() + " of topic " + store.topic()
                    + " moved away from this node while it answered");
        }
        long deadline = deadline(scope);
        for (Map.Entry<String, CompletableFuture<PartTransport.PartReply>> reply : replies.entrySet()) {
            Optional<PartTransport.PartReply> other = received(reply.getValue(), deadline)
                    .filter(shipped -> Collections.disjoint(shipped.positions().keySet(), answered.keySet()));
            if (other.isPresent()) {
                merged = merge.apply(merged, reply.getKey(), other.get());
                answered.putAll(other.get().positions());
            }
        }
        SortedSet<Integer> missing = new TreeSet<>();
        for (int partition = 0; partition < store.partitionCount(); partition++) {
            if (!answered.containsKey(partition)) {
                missing.add(partition);
            }
        }
        if (!missing.isEmpty() && !scope.partialAllowed()) {
            throw new StorageStartingException("partitions " + missing + " of topic " + store.topic()
                    + " were not answered for within " + timeout + awaitedToo(scope) + " (their owners: "
                    + owners(missing) + ")");
        }
        scope.reflect(Collections.unmodifiableSortedMap(answered), Collections.unmodifiableSortedSet(missing));
        return merged;
    }

    /**
     * The timeline as the owner of its key's partition holds it: this node, or the owner asked. A 503 naming the
     * partition when it has no owner caught up, or its owner does not answer for it in time.
     */
    @Override
    public Optional<Timeline> timeline(TimelineKey key) {
        int partition = store.partitionOf(key);
        AppliedStore local = store.part();
        // Only the timeline's partition matters to it: a position named for another is not waited for.
        Map<Integer, Long> awaited = new TreeMap<>(scope.awaited());
        awaited.keySet().retainAll(Set.of(partition));
        if (local.owned().contains(partition)) {
            store.awaitPositions(awaited, positionTimeout);
            Optional<Timeline> timeline = local.engine().timeline(key);
            scope.reflect(position(partition, store.positions().getOrDefault(partition, 0L)),
                    Collections.emptySortedSet());
            return timeline;
        }
        String owner = store.owners().byPartition().get(partition);
        Optional<PartTransport.PartReply> reply = owner == null ? Optional.empty()
                : received(transport.ask(owner, codec.writeTimelineRequest(key, awaited)), deadline(scope))
                        .filter(shipped -> shipped.positions().containsKey(partition));
        if (reply.isEmpty()) {
            throw new StorageStartingException("partition " + partition + " of topic " + store.topic()
                    + " (timeline " + key.value() + ") was not answered for within " + timeout + awaitedToo(scope)
                    + " (its owner: " + owner + ")");
        }
        scope.reflect(position(partition, reply.get().positions().get(partition)), Collections.emptySortedSet());
        return codec.readTimeline(key, reply.get().shipped());
    }

    /**
     * One timeline's events come from the owner of its partition, read whole (an export of one timeline holds it at
     * once here, unlike on one node). Every event stored comes from every part, a page at a time, merged in seq
     * order ({@link SeqOrderMerge}): the first page of each part is gathered as an answer is, every partition exactly
     * once, never partial, or a 503 naming those missing before any event is handed over; each further page must
     * come in time and cover the same partitions as its part's first, else the export fails midway.
     */
    @Override
    public void inSeqOrder(Optional<TimelineKey> timeline, Consumer<TimelineEvent> event) {
        if (timeline.isEmpty()) {
            AppliedStore local = store.part();
            gathered(codec.writePageRequest(new PartialCodec.EventsPage(0, exportPage)),
                    () -> {
                        SeqOrderMerge.Pages pages = localPages(local);
                        return new SeqOrderMerge().with(pages, pages.from(0));
                    },
                    (merge, owner, first) -> merge.with(pagesOf(owner, first.positions().keySet()),
                            codec.readPage(first.shipped())),
                    AnswerScope.COMPLETE).handOver(event);
            return;
        }
        timeline(timeline.get()).ifPresent(found -> found.events().stream().sorted(Comparator.comparingLong(Event::seq))
                .forEach(stored -> event.accept(new TimelineEvent(found.key(), stored))));
    }

    /** The pages of this node's part, from its engine while its partitions stay those it had. */
    private SeqOrderMerge.Pages localPages(AppliedStore local) {
        return from -> {
            if (store.part() != local) {
                throw new StorageStartingException("partitions " + local.owned() + " of topic " + store.topic()
                        + " moved away from this node during the export");
            }
            return local.engine().eventsFrom(from, exportPage);
        };
    }

    /** The pages of the part of the owner at the address, each covering the partitions its first page did. */
    private SeqOrderMerge.Pages pagesOf(String owner, Set<Integer> partitions) {
        return from -> received(transport.ask(owner, codec.writePageRequest(new PartialCodec.EventsPage(from,
                exportPage))), System.nanoTime() + timeout.toNanos())
                .filter(page -> page.positions().keySet().equals(partitions))
                .map(page -> codec.readPage(page.shipped()))
                .orElseThrow(() -> new StorageStartingException("partitions " + new TreeSet<>(partitions)
                        + " of topic " + store.topic() + " were not answered for within " + timeout + " by "
                        + owner + " during the export"));
    }

    @Override
    public List<TimelineKey> lastEventBefore(Timestamp moment) {
        return store.lastEventBefore(moment);
    }

    /**
     * Answers what another node asked, for the partitions this node owns, once it has applied them up to the
     * positions asked: one timeline of theirs, a question across timelines, {@code part} being this node's part of
     * its answer (the application's), its verdict on a request written, or a step of a partition's transitions
     * stream, answered by {@code streams} (the application's). Refused when the partitions moved while it was
     * computed.
     */
    public PartTransport.PartReply answer(byte[] asked,
            BiFunction<Attribute, PartialQuestion<?>, PartialAnswer<?, ?, ?>> part, StreamPartUseCase streams) {
        PartialCodec.Incoming incoming = codec.readRequest(asked);
        PartialCodec.Request request = incoming.request();
        AppliedStore local = store.part();
        store.awaitPositions(incoming.awaited(), positionTimeout);
        Map<Integer, Long> positions = new TreeMap<>(store.positions());
        positions.keySet().retainAll(local.owned());
        byte[] shipped;
        if (request instanceof PartialCodec.WriteVerdict verdict) {
            Map<Integer, Verdicts.Verdict> decided = store.verdicts(verdict.request(), verdict.offsets(), timeout);
            positions.keySet().retainAll(decided.keySet());
            shipped = codec.writeVerdicts(decided);
        } else if (request instanceof PartialCodec.OneTimeline one) {
            // Only the timeline's partition is answered for: the asker refuses a reply without it.
            positions.keySet().retainAll(Set.of(store.partitionOf(one.key())));
            shipped = codec.writeTimeline(local.engine().timeline(one.key()));
        } else if (request instanceof PartialCodec.StreamStepAsked step) {
            // Only the step's partition is answered for: the asker refuses a reply without it.
            positions.keySet().retainAll(Set.of(step.partition()));
            shipped = streamParts.answer(step, streams);
        } else if (request instanceof PartialCodec.EventsPage page) {
            shipped = codec.writePage(local.engine().eventsFrom(page.from(), page.limit()));
        } else if (request instanceof PartialCodec.Listed listed) {
            shipped = listed.listing() instanceof Listing.Values values
                    ? codec.writeUsage(local.engine().values(values.attribute(), values.asOf()),
                            listed(local, values.attribute()))
                    : codec.writeList((List<?>) listed.listing().of(local.engine()));
        } else {
            PartialCodec.Question question = (PartialCodec.Question) request;
            Attribute attribute = question.attribute();
            shipped = codec.write(part.apply(attribute, question.question()), listed(local, attribute));
        }
        if (store.part() != local) {
            throw new StorageStartingException("the partitions of this node moved while it answered");
        }
        return new PartTransport.PartReply(positions, shipped);
    }

    /** The spellings of every value of the attribute this node's part holds: what its part ships with. */
    private static List<Spelling> listed(AppliedStore local, Attribute attribute) {
        return Spellings.listed(local.engine().spellings(attribute),
                local.engine().values(attribute, Optional.empty()).stream().map(ValueUsage::value).toList());
    }

    /** When the parts asked of the other nodes are due: later when they must first apply the positions asked. */
    private long deadline(AnswerScope scope) {
        return System.nanoTime() + timeout.toNanos() + (scope.awaited().isEmpty() ? 0 : positionTimeout.toNanos());
    }

    private String awaitedToo(AnswerScope scope) {
        return scope.awaited().isEmpty() ? "" : " (or not applied up to the positions asked, "
                + HttpPartTransport.header(scope.awaited()) + ", within " + positionTimeout + ")";
    }

    private static SortedMap<Integer, Long> position(int partition, Long position) {
        return Collections.unmodifiableSortedMap(new TreeMap<>(Map.of(partition, position)));
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
