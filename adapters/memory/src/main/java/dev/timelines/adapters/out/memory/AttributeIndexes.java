package dev.timelines.adapters.out.memory;

import dev.timelines.application.port.in.AttributeTooDiverseException;
import dev.timelines.domain.Attribute;
import dev.timelines.domain.JsonValue;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The attribute indexes in use: built on the first question about an attribute, kept up to date on every
 * change, dropped when least recently asked about beyond {@link IndexLimits#maxAttributes()}. An attribute
 * found to have more values than {@link IndexLimits#maxValues()} is refused from then on (until restart).
 * Lookups may run under the store's read lock; everything else needs its write lock.
 */
final class AttributeIndexes {

    private final IndexLimits limits;
    private final Map<Attribute, AttributeIndex> indexes = new ConcurrentHashMap<>();
    private final Map<Attribute, Long> lastAsked = new ConcurrentHashMap<>();
    private final Set<Attribute> refused = ConcurrentHashMap.newKeySet();
    private final AtomicLong questions = new AtomicLong();

    AttributeIndexes(IndexLimits limits) {
        this.limits = limits;
    }

    /** The attribute's index if it is built; null when it must be built first. */
    AttributeIndex find(Attribute attribute) {
        refuseIfTooDiverse(attribute);
        AttributeIndex index = indexes.get(attribute);
        if (index != null) {
            lastAsked.put(attribute, questions.incrementAndGet());
        }
        return index;
    }

    /** The attribute's index if it is built, else null; neither refuses nor counts as a question. */
    AttributeIndex peek(Attribute attribute) {
        return indexes.get(attribute);
    }

    /** The attribute's index, built over the timelines if needed. */
    AttributeIndex build(Attribute attribute, Iterable<StoredTimeline> timelines) {
        AttributeIndex existing = find(attribute);
        if (existing != null) {
            return existing;
        }
        AttributeIndex index = AttributeIndex.build(attribute, timelines, limits.maxValues());
        if (index.tooDiverse()) {
            refused.add(attribute);
            refuseIfTooDiverse(attribute);
        }
        if (indexes.size() >= limits.maxAttributes()) {
            lastAsked.entrySet().stream().min(Map.Entry.comparingByValue(Comparator.naturalOrder()))
                    .ifPresent(oldest -> drop(oldest.getKey()));
        }
        indexes.put(attribute, index);
        lastAsked.put(attribute, questions.incrementAndGet());
        return index;
    }

    /** The attributes indexed now, the most recently asked about first. */
    List<Attribute> built() {
        return lastAsked.entrySet().stream()
                .sorted(Map.Entry.<Attribute, Long>comparingByValue().reversed())
                .map(Map.Entry::getKey)
                .toList();
    }

    void inserted(StoredTimeline timeline, int position, JsonValue.Obj data) {
        for (AttributeIndex index : indexes.values()) {
            index.inserted(timeline, position, data);
            if (index.tooDiverse()) {
                refused.add(index.attribute());
                drop(index.attribute());
            }
        }
    }

    void removed(StoredTimeline timeline) {
        indexes.values().forEach(index -> index.removed(timeline));
    }

    private void drop(Attribute attribute) {
        indexes.remove(attribute);
        lastAsked.remove(attribute);
    }

    private void refuseIfTooDiverse(Attribute attribute) {
        if (refused.contains(attribute)) {
            throw new AttributeTooDiverseException(attribute, limits.maxValues());
        }
    }
}
