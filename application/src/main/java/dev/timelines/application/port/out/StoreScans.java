package dev.timelines.application.port.out;

import dev.timelines.application.model.ValueUsage;
import dev.timelines.domain.Attribute;
import dev.timelines.domain.TimelineKey;
import dev.timelines.domain.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What every storage provides for the questions across timelines (docs/architecture.md, "Adding a storage
 * adapter"): keys, the stays of an attribute, and the attribute catalogue. Every question is answered from these
 * alone; an adapter may also offer {@link IndexedAnswers}. Methods taking an attribute may throw
 * {@link dev.timelines.application.port.in.AttributeTooDiverseException}.
 */
public interface StoreScans {

    /** Keys in the range, in code point order, of timelines with an event (received by {@code asOf}, if given). */
    List<TimelineKey> keys(KeyRange range, Optional<Timestamp> asOf);

    /**
     * Hands over, one timeline at a time, the stays of the scan's attribute that its selection matches, in the
     * store as known at the scan's moment: each timeline at most once, its stays in time order, in any order of
     * timelines, with the stays of the attributes asked alongside. More stays than the selection matches may come
     * (the questions select again); none that it matches may be missing. Values are shown as the first stored
     * event carrying an equal value wrote them (of {@code 1} and {@code 1.0}, the first seen).
     */
    void stays(StayScan scan, Consumer<TimelineStays> timeline);

    /** Top-level attribute names after {@code after} in code point order, at most {@code limit}. */
    List<String> attributeNames(Optional<String> after, int limit, Optional<Timestamp> asOf);

    /**
     * The spelling each value of the attribute is shown in, as stored now, with the seq of the event that wrote it:
     * what lets partial answers of several stores show values as one store would ({@code Spellings}).
     */
    ValueSpellings spellings(Attribute attribute);

    /** The distinct values of the attribute with the events and timelines carrying each, in any order. */
    List<ValueUsage> values(Attribute attribute, Optional<Timestamp> asOf);
}
