package dev.timelines.application.question;

import dev.timelines.application.port.out.KeyRange;
import dev.timelines.application.port.out.OtherParts;
import dev.timelines.application.port.out.StoreScans;
import dev.timelines.domain.Attribute;
import dev.timelines.domain.CodePointOrder;
import dev.timelines.domain.TimelineKey;
import dev.timelines.domain.Timestamp;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A listing of the store as data (keys by prefix, attribute names, an attribute's values): what one store lists and
 * how the lists of two parts of a store merge. Like a {@link PartialQuestion}, it is what a node sends to the owners
 * of other parts of the store, each listing its part (docs/scaling.md, "Kafka"): records only, so that it travels
 * as its components.
 *
 * @param <T> what a part lists
 */
public sealed interface Listing<T> {

    /** What this store lists. */
    T of(StoreScans scans);

    /** What the whole store lists: this node's store's listing, merged with the other parts' when there are any. */
    default T across(StoreScans scans, OtherParts others) {
        return others.listed(this, () -> of(scans));
    }

    /** The listing of two parts of a store as one: {@code first} is taken over. */
    T merge(T first, T second);

    /** The first keys of a range, in code point order. */
    record Keys(KeyRange range, Optional<Timestamp> asOf) implements Listing<List<TimelineKey>> {

        @Override
        public List<TimelineKey> of(StoreScans scans) {
            return scans.keys(range, asOf);
        }

        @Override
        public List<TimelineKey> merge(List<TimelineKey> first, List<TimelineKey> second) {
            // A timeline lives in one part: the keys of two parts are distinct.
            SortedRun<TimelineKey> run = new SortedRun<TimelineKey>(Comparator.naturalOrder(), range.limit());
            run.addSorted(first);
            run.addSorted(second);
            return run.first();
        }
    }

    /** The first attribute names after one, in code point order (as keys are). */
    record Names(Optional<String> after, int limit, Optional<Timestamp> asOf) implements Listing<List<String>> {

        @Override
        public List<String> of(StoreScans scans) {
            return scans.attributeNames(after, limit, asOf);
        }

        /** A name is used in several parts: it is listed once. */
        @Override
        public List<String> merge(List<String> first, List<String> second) {
            SortedSet<String> names = new TreeSet<>(CodePointOrder.INSTANCE);
            names.addAll(first);
            names.addAll(second);
            return names.stream().limit(limit).toList();
        }
    }

    /** How often each value of an attribute is used, shown as the store shows it. */
    record Values(Attribute attribute, Optional<Timestamp> asOf) implements Listing<PartialValueUsage> {

        @Override
        public PartialValueUsage of(StoreScans scans) {
            return new PartialValueUsage(scans.values(attribute, asOf), scans.spellings(attribute));
        }

        @Override
        public PartialValueUsage merge(PartialValueUsage first, PartialValueUsage second) {
            return first.merge(second);
        }
    }
}
