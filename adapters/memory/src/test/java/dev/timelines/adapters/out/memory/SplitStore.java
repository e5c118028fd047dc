package dev.timelines.adapters.out.memory;

import dev.timelines.application.model.ValueUsage;
import dev.timelines.application.port.out.EventLog;
import dev.timelines.application.port.out.IndexedAnswers;
import dev.timelines.application.port.out.KeyRange;
import dev.timelines.application.port.out.StayScan;
import dev.timelines.application.port.out.StoreScans;
import dev.timelines.application.port.out.TimelineReader;
import dev.timelines.application.port.out.TimelineStays;
import dev.timelines.application.question.KeyRun;
import dev.timelines.application.question.PartialAdjacentValues;
import dev.timelines.application.question.PartialAnswer;
import dev.timelines.application.question.PartialFunnel;
import dev.timelines.application.question.PartialProcessMap;
import dev.timelines.application.question.PartialStateCounts;
import dev.timelines.application.question.PartialTimeInStates;
import dev.timelines.application.question.PartialValueUsage;
import dev.timelines.application.question.Spellings;
import dev.timelines.application.question.StayFold;
import dev.timelines.application.question.StuckRun;
import dev.timelines.application.question.TransitionRun;
import dev.timelines.domain.Attribute;
import dev.timelines.domain.CodePointOrder;
import dev.timelines.domain.IncomingEvent;
import dev.timelines.domain.IngestResult;
import dev.timelines.domain.Timeline;
import dev.timelines.domain.TimelineEvent;
import dev.timelines.domain.TimelineKey;
import dev.timelines.domain.Timestamp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A store split by timeline into independent memory engines, one per shard, as a cluster splits it into
 * partitions: each engine sees only its timelines' events (with the seqs one store would give them) and answers
 * its partial answer, spelled with its own spellings; the partials merge with the application's code. Every
 * question is so answered by merging, never by one engine seeing the whole store. Test-only: writes one event at a
 * time, a request not all or nothing across shards.
 */
final class SplitStore implements EventLog, TimelineReader, StoreScans, IndexedAnswers {

    private final List<InMemoryEventStore> shards = new ArrayList<>();
    private long seq;

    SplitStore(int shards) {
        for (int shard = 0; shard < shards; shard++) {
            this.shards.add(new InMemoryEventStore());
        }
    }

    /** Ids are checked here, so that the engines are given the seqs one store gives: one per accepted event. */
    @Override
    public IngestResult append(List<IncomingEvent> events, Timestamp received) {
        int accepted = 0;
        for (IncomingEvent incoming : events) {
            InMemoryEventStore shard = shardOf(incoming.timeline());
            boolean known = incoming.id().isPresent() && shard.timeline(incoming.timeline()).stream()
                    .flatMap(timeline -> timeline.events().stream())
                    .anyMatch(event -> event.id().equals(incoming.id()));
            if (!known) {
                shard.restore(List.of(new TimelineEvent(incoming.timeline(), incoming.stored(++seq, received))));
                accepted++;
            }
        }
        return new IngestResult(accepted, events.size() - accepted);
    }

    @Override
    public IngestResult restore(List<TimelineEvent> events) {
        throw new UnsupportedOperationException("the contract only appends");
    }

    /** The deletion takes the seq one store would give it, as an event does. */
    @Override
    public boolean delete(TimelineKey key) {
        InMemoryEventStore shard = shardOf(key);
        if (shard.timeline(key).isEmpty()) {
            return false;
        }
        shard.replayDeletion(key, ++seq);
        return true;
    }

    @Override
    public Optional<Timeline> timeline(TimelineKey key) {
        return shardOf(key).timeline(key);
    }

    @Override
    public void inSeqOrder(Optional<TimelineKey> timeline, Consumer<TimelineEvent> event) {
        List<TimelineEvent> all = new ArrayList<>();
        shards.forEach(shard -> shard.inSeqOrder(timeline, all::add));
        all.sort(Comparator.comparingLong(stored -> stored.event().seq()));
        all.forEach(event);
    }

    @Override
    public List<TimelineKey> lastEventBefore(Timestamp moment) {
        return shards.stream().flatMap(shard -> shard.lastEventBefore(moment).stream()).toList();
    }

    @Override
    public List<TimelineKey> keys(KeyRange range, Optional<Timestamp> asOf) {
        return shards.stream().flatMap(shard -> shard.keys(range, asOf).stream()).sorted()
                .limit(range.limit()).toList();
    }

    /** As every scan does, shows values as the whole store does: each engine shows them as it alone does. */
    @Override
    public void stays(StayScan scan, Consumer<TimelineStays> timeline) {
        Spellings all = spellings(scan.attribute());
        shards.forEach(shard -> shard.stays(scan, stays -> timeline.accept(stays.withStays(
                stays.stays().stream().map(stay -> stay.withValues(all::shown)).toList()))));
    }

    @Override
    public List<String> attributeNames(Optional<String> after, int limit, Optional<Timestamp> asOf) {
        return shards.stream().flatMap(shard -> shard.attributeNames(after, limit, asOf).stream()).distinct()
                .sorted(CodePointOrder.INSTANCE).limit(limit).toList();
    }

    @Override
    public Spellings spellings(Attribute attribute) {
        Spellings all = new Spellings();
        shards.forEach(shard -> all.add(shard.spellings(attribute)));
        return all;
    }

    @Override
    public List<ValueUsage> values(Attribute attribute, Optional<Timestamp> asOf) {
        return shards.stream().map(shard -> new PartialValueUsage(shard.values(attribute, asOf),
                shard.spellings(attribute))).reduce(PartialValueUsage::merge).orElseThrow().answer();
    }

    /** Keys only, no values to spell: each engine adds its sorted run to the same partial. */
    @Override
    public boolean keys(Attribute attribute, KeyRun partial) {
        shards.forEach(shard -> fill(shard, attribute, partial, InMemoryEventStore::keys));
        return true;
    }

    @Override
    public boolean transitions(Attribute attribute, TransitionRun partial) {
        return merged(attribute, partial, () -> new TransitionRun(partial.filter(), partial.entries(),
                partial.after(), partial.limit(), partial.scope()), InMemoryEventStore::transitions);
    }

    @Override
    public boolean processMap(Attribute attribute, PartialProcessMap partial) {
        return merged(attribute, partial, () -> partial.inScope(partial.scope()), InMemoryEventStore::processMap);
    }

    @Override
    public boolean adjacent(Attribute attribute, PartialAdjacentValues partial) {
        return merged(attribute, partial, () -> partial.inScope(partial.scope()), InMemoryEventStore::adjacent);
    }

    @Override
    public boolean statesAt(Attribute attribute, PartialStateCounts partial) {
        return merged(attribute, partial, () -> partial.inScope(partial.scope()), InMemoryEventStore::statesAt);
    }

    @Override
    public boolean timeInStates(Attribute attribute, PartialTimeInStates partial) {
        return merged(attribute, partial, () -> partial.inScope(partial.scope()),
                InMemoryEventStore::timeInStates);
    }

    @Override
    public boolean changedSince(StayScan scan, Consumer<TimelineStays> now, Consumer<TimelineStays> then) {
        return shards.stream().allMatch(shard -> shard.changedSince(scan, now, then));
    }

    @Override
    public boolean stuck(Attribute attribute, StuckRun partial) {
        return merged(attribute, partial, () -> new StuckRun(partial.selection().value(), partial.longerThanMicros(),
                partial.at(), partial.after(), partial.limit(), partial.scope()), InMemoryEventStore::stuck);
    }

    @Override
    public boolean funnel(Attribute attribute, PartialFunnel partial) {
        return merged(attribute, partial, () -> partial.inScope(partial.scope()), InMemoryEventStore::funnel);
    }

    /** Each engine's own partial, spelled with its own spellings, merged into the asked one. */
    private <P extends PartialAnswer<P, ?, ?>> boolean merged(Attribute attribute, P partial,
            Supplier<P> empty, FastPath<P> fastPath) {
        shards.forEach(shard -> {
            P part = fill(shard, attribute, empty.get(), fastPath);
            part.spell(shard.spellings(attribute));
            partial.merge(part);
        });
        return true;
    }

    /** The engine's fast path for the question, or its fold when it offers none for it. */
    private static <P extends PartialAnswer<P, ?, ?>> P fill(InMemoryEventStore shard, Attribute attribute, P partial,
            FastPath<P> fastPath) {
        return fastPath.fill(shard, attribute, partial) ? partial : StayFold.fold(shard, attribute, partial);
    }

    private InMemoryEventStore shardOf(TimelineKey key) {
        return shards.get(Math.floorMod(key.value().hashCode(), shards.size()));
    }

    /** One of the engine's {@link IndexedAnswers} methods. */
    private interface FastPath<P> {
        boolean fill(InMemoryEventStore shard, Attribute attribute, P partial);
    }
}
