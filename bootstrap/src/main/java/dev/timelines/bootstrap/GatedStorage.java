package dev.timelines.bootstrap;

import dev.timelines.application.model.ValueUsage;
import dev.timelines.application.port.out.EventLog;
import dev.timelines.application.port.out.IndexedAnswers;
import dev.timelines.application.port.out.KeyRange;
import dev.timelines.application.port.out.OtherParts;
import dev.timelines.application.port.out.StayScan;
import dev.timelines.application.port.out.StoreHistory;
import dev.timelines.application.port.out.StoreScans;
import dev.timelines.application.port.out.ValueSpellings;
import dev.timelines.application.port.out.TimelineReader;
import dev.timelines.application.port.out.TimelineStays;
import dev.timelines.application.question.KeyRun;
import dev.timelines.application.question.Listing;
import dev.timelines.application.question.PartialAdjacentValues;
import dev.timelines.application.question.PartialAnswer;
import dev.timelines.application.question.PartialFunnel;
import dev.timelines.application.question.PartialProcessMap;
import dev.timelines.application.question.PartialQuestion;
import dev.timelines.application.question.PartialStateCounts;
import dev.timelines.application.question.PartialTimeInStates;
import dev.timelines.application.question.StuckRun;
import dev.timelines.application.question.TransitionRun;
import dev.timelines.domain.Attribute;
import dev.timelines.domain.IncomingEvent;
import dev.timelines.domain.IngestResult;
import dev.timelines.domain.Stay;
import dev.timelines.domain.Timeline;
import dev.timelines.domain.TimelineEvent;
import dev.timelines.domain.TimelineKey;
import dev.timelines.domain.Timestamp;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The storage ports as the services see them from the start: each call goes to the storage once it is open, and
 * throws {@link dev.timelines.application.port.out.StorageStartingException} (a 503) while it is being opened. A
 * method added to a port must be passed on here too (a fast path not passed on would be declined, and scans would
 * answer): GatedStorageTest checks that every one is.
 */
final class GatedStorage implements EventLog, TimelineReader, StoreScans, IndexedAnswers, StoreHistory,
        OtherParts {

    private final StorageOpening opening;

    GatedStorage(StorageOpening opening) {
        this.opening = opening;
    }

    private Storage storage() {
        return opening.require();
    }

    @Override
    public IngestResult append(List<IncomingEvent> events, Timestamp received) {
        return storage().log().append(events, received);
    }

    @Override
    public IngestResult restore(List<TimelineEvent> events) {
        return storage().log().restore(events);
    }

    @Override
    public boolean delete(TimelineKey key) {
        return storage().log().delete(key);
    }

    @Override
    public long durable() {
        return storage().history().durable();
    }

    @Override
    public long horizon() {
        return storage().history().horizon();
    }

    @Override
    public Set<TimelineKey> changed(long after, long upTo) {
        return storage().history().changed(after, upTo);
    }

    @Override
    public Optional<Timeline> asOf(TimelineKey key, long seq) {
        return storage().history().asOf(key, seq);
    }

    @Override
    public Map<TimelineKey, List<Stay>> staysAsOf(Collection<TimelineKey> keys, Attribute attribute, long seq) {
        return storage().history().staysAsOf(keys, attribute, seq);
    }

    @Override
    public Runnable onDurable(Runnable listener) {
        return storage().history().onDurable(listener);
    }

    @Override
    public Optional<Timeline> timeline(TimelineKey key) {
        return storage().reader().timeline(key);
    }

    @Override
    public void inSeqOrder(Optional<TimelineKey> timeline, Consumer<TimelineEvent> event) {
        storage().reader().inSeqOrder(timeline, event);
    }

    @Override
    public List<TimelineKey> lastEventBefore(Timestamp moment) {
        return storage().reader().lastEventBefore(moment);
    }

    @Override
    public List<TimelineKey> keys(KeyRange range, Optional<Timestamp> asOf) {
        return storage().scans().keys(range, asOf);
    }

    @Override
    public void stays(StayScan scan, Consumer<TimelineStays> timeline) {
        storage().scans().stays(scan, timeline);
    }

    @Override
    public List<String> attributeNames(Optional<String> after, int limit, Optional<Timestamp> asOf) {
        return storage().scans().attributeNames(after, limit, asOf);
    }

    @Override
    public ValueSpellings spellings(Attribute attribute) {
        return storage().scans().spellings(attribute);
    }

    @Override
    public List<ValueUsage> values(Attribute attribute, Optional<Timestamp> asOf) {
        return storage().scans().values(attribute, asOf);
    }

    @Override
    public boolean keys(Attribute attribute, KeyRun partial) {
        return storage().indexed().keys(attribute, partial);
    }

    @Override
    public boolean transitions(Attribute attribute, TransitionRun partial) {
        return storage().indexed().transitions(attribute, partial);
    }

    @Override
    public boolean processMap(Attribute attribute, PartialProcessMap partial) {
        return storage().indexed().processMap(attribute, partial);
    }

    @Override
    public boolean adjacent(Attribute attribute, PartialAdjacentValues partial) {
        return storage().indexed().adjacent(attribute, partial);
    }

    @Override
    public boolean statesAt(Attribute attribute, PartialStateCounts partial) {
        return storage().indexed().statesAt(attribute, partial);
    }

    @Override
    public boolean timeInStates(Attribute attribute, PartialTimeInStates partial) {
        return storage().indexed().timeInStates(attribute, partial);
    }

    @Override
    public boolean changedSince(StayScan scan, Consumer<TimelineStays> now, Consumer<TimelineStays> then) {
        return storage().indexed().changedSince(scan, now, then);
    }

    @Override
    public <P extends PartialAnswer<P, ?, ?>> P merged(Attribute attribute, PartialQuestion<P> question,
            Supplier<P> part) {
        return storage().others().merged(attribute, question, part);
    }

    @Override
    public <T> T listed(Listing<T> listing, Supplier<T> part) {
        return storage().others().listed(listing, part);
    }

    @Override
    public boolean stuck(Attribute attribute, StuckRun partial) {
        return storage().indexed().stuck(attribute, partial);
    }

    @Override
    public boolean funnel(Attribute attribute, PartialFunnel partial) {
        return storage().indexed().funnel(attribute, partial);
    }
}
