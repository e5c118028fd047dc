package dev.timelines.adapters.out.memory;

import dev.timelines.domain.Attribute;
import dev.timelines.domain.JsonValue;
import dev.timelines.domain.Stay;
import dev.timelines.domain.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the cross-timeline questions need about one attribute: its values as dictionary ids, every
 * timeline's change points, and every transition grouped by (from, to) pair with the stay it begins. Built by
 * one pass over the store, then repaired event by event: an event arriving out of order changes the change
 * points only next to itself, so the repair recomputes the transitions around there and applies the difference
 * (it can split a transition in two, merge two into one, end a stay elsewhere, or change nothing). Not
 * thread-safe: the store's lock guards it.
 */
final class AttributeIndex {

    private static final int NONE = PairTable.ENTRY;

    private final Attribute attribute;
    private final int maxValues;
    private final ValueDictionary dictionary = new ValueDictionary();
    private final PairTable pairs = new PairTable();
    private ChangePoints[] byTimeline = new ChangePoints[16];
    private boolean tooDiverse;

    private AttributeIndex(Attribute attribute, int maxValues) {
        this.attribute = attribute;
        this.maxValues = maxValues;
    }

    /** Indexes the attribute over the given timelines; the result is {@link #tooDiverse()} past the limit. */
    static AttributeIndex build(Attribute attribute, Iterable<StoredTimeline> timelines, int maxValues) {
        AttributeIndex index = new AttributeIndex(attribute, maxValues);
        Map<Long, TransitionStaging> staging = new HashMap<>();
        for (StoredTimeline timeline : timelines) {
            index.stage(timeline, staging);
            if (index.tooDiverse) {
                return index;
            }
        }
        staging.forEach((key, transitions) -> index.pairs.register(
                new PairTable.Pair((int) (key >> 32), (int) (long) key, transitions.sorted())));
        return index;
    }

    Attribute attribute() {
        return attribute;
    }

    /** Whether the attribute has more distinct values than the limit; such an index must be dropped. */
    boolean tooDiverse() {
        return tooDiverse;
    }

    ValueDictionary dictionary() {
        return dictionary;
    }

    PairTable pairs() {
        return pairs;
    }

    /** The timeline's change points, or null when none of its events has the attribute. */
    private ChangePoints changePoints(int timeline) {
        return timeline < byTimeline.length ? byTimeline[timeline] : null;
    }

    /** One more than the highest timeline id that may have transitions: the size of arrays indexed by it. */
    int timelineSlots() {
        return byTimeline.length;
    }

    /**
     * The timeline's stays in time order, with values shown as the dictionary shows them (first written); empty
     * when none of its events has the attribute.
     */
    List<Stay> stays(StoredTimeline timeline) {
        ChangePoints points = changePoints(timeline.id());
        if (points == null) {
            return List.of();
        }
        List<Stay> stays = new ArrayList<>(points.size());
        for (int i = 0; i < points.size(); i++) {
            stays.add(new Stay(timeline.key(), dictionary.value(points.value(i)), new Timestamp(points.at(i)),
                    points.seq(i), neighbour(points, i - 1), neighbour(points, i + 1)));
        }
        return stays;
    }

    /** Stays computed elsewhere (from a timeline as known at a moment), their values shown as the dictionary does. */
    List<Stay> shown(List<Stay> stays) {
        return stays.stream().map(stay -> stay.withValues(this::shown)).toList();
    }

    private JsonValue shown(JsonValue value) {
        return dictionary.value(dictionary.idOf(value));
    }

    private Optional<Stay.Neighbour> neighbour(ChangePoints points, int i) {
        return i < 0 || i >= points.size()
                ? Optional.empty()
                : Optional.of(new Stay.Neighbour(dictionary.value(points.value(i)), new Timestamp(points.at(i))));
    }

    /** Repairs the index after the event at {@code position} of the timeline, with this data, was inserted. */
    void inserted(StoredTimeline timeline, int position, JsonValue.Obj data) {
        ChangePoints existing = changePoints(timeline.id());
        if (existing != null) {
            existing.eventInserted(position);
        }
        JsonValue value = attribute.valueIn(data).orElse(null);
        if (value == null) {
            return;
        }
        ChangePoints points = pointsFor(timeline);
        int first = points.insertionPoint(position);
        int held = first > 0 ? points.value(first - 1) : NONE;
        int id = countEvent(points, held, value, timeline.seq(position));
        Follower follower = follower(timeline, position);

        // Only the points from `first` on can change: the follower, and the point after it whose predecessor may
        // change. So only the transitions into the old points `first - 1` (whose next point may change) to
        // `first + 1` can differ: the repair recomputes them and applies the difference.
        int start = Math.max(0, first - 1);
        int oldEnd = Math.min(points.size(), first + 2);
        List<IndexedTransition> before = transitions(points, start, oldEnd);
        boolean followerWasChange = follower != null && follower.id != held;
        boolean followerIsChange = follower != null && follower.id != id;
        int index = first;
        int growth = 0;
        if (id != held) {
            points.insert(index++, position, id);
            growth++;
        }
        if (followerWasChange && !followerIsChange) {
            points.remove(index);
            growth--;
        } else if (!followerWasChange && followerIsChange) {
            points.insert(index, follower.position, follower.id);
            growth++;
        }
        List<IndexedTransition> after = transitions(points, start, oldEnd + growth);
        List<IndexedTransition> added = new ArrayList<>(after);
        added.removeAll(before);
        for (IndexedTransition old : before) {
            if (!after.contains(old)) {
                // Most repairs only move where a stay ends: the transition that began it is updated in place.
                IndexedTransition moved = added.stream().filter(old::beginsTheSameStay).findFirst().orElse(null);
                if (moved == null) {
                    pairs.remove(old);
                } else {
                    pairs.restay(moved);
                    added.remove(moved);
                }
            }
        }
        added.forEach(transition -> pairs.add(transition, timeline.id()));
    }

    /** Forgets the timeline: its transitions, change points and counts (its events say how many it carried). */
    void removed(StoredTimeline timeline) {
        ChangePoints points = changePoints(timeline.id());
        if (points == null) {
            return;
        }
        for (int i = 0; i < points.size(); i++) {
            pairs.remove(IndexedTransition.into(points, i));
        }
        Map<Integer, Integer> carried = new HashMap<>();
        for (int i = 0; i < timeline.size(); i++) {
            JsonValue value = valueAt(timeline, i);
            if (value != null) {
                carried.merge(dictionary.idOf(value), 1, Integer::sum);
            }
        }
        carried.forEach(dictionary::removeTimeline);
        byTimeline[timeline.id()] = null;
    }

    private void stage(StoredTimeline timeline, Map<Long, TransitionStaging> staging) {
        ChangePoints points = null;
        int held = NONE;
        for (int i = 0; i < timeline.size(); i++) {
            JsonValue value = valueAt(timeline, i);
            if (value == null) {
                continue;
            }
            int id = countEvent(points, held, value, timeline.seq(i));
            if (tooDiverse) {
                return;
            }
            if (id != held) {
                if (points == null) {
                    points = pointsFor(timeline);
                }
                points.append(i, id);
                held = id;
            }
        }
        if (points == null) {
            return;
        }
        points.trim();
        for (int i = 0; i < points.size(); i++) {
            IndexedTransition transition = IndexedTransition.into(points, i);
            staging.computeIfAbsent(pairKey(transition.from(), transition.to()), key -> new TransitionStaging())
                    .add(transition, timeline.id());
        }
    }

    /**
     * Counts an event of a timeline whose change points (possibly null) hold {@code held} where the event goes.
     * Every value the timeline's events carry is among its change points, so the points tell whether the value is
     * new to the timeline: no per (timeline, value) counter is kept.
     */
    private int countEvent(ChangePoints points, int held, JsonValue value, long seq) {
        int id = dictionary.addEvent(value, seq);
        if (id != held && (points == null || !points.holds(id))) {
            dictionary.addTimeline(id);
        }
        tooDiverse |= dictionary.size() > maxValues;
        return id;
    }

    private JsonValue valueAt(StoredTimeline timeline, int position) {
        return timeline.value(position, attribute);
    }

    /** The first event after {@code position} that has the attribute: the one whose change may flip. */
    private Follower follower(StoredTimeline timeline, int position) {
        for (int i = position + 1; i < timeline.size(); i++) {
            JsonValue value = valueAt(timeline, i);
            if (value != null) {
                return new Follower(i, dictionary.idOf(value));
            }
        }
        return null;
    }

    /** The transitions into the points {@code [from, to)}. */
    private static List<IndexedTransition> transitions(ChangePoints points, int from, int to) {
        List<IndexedTransition> transitions = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            transitions.add(IndexedTransition.into(points, i));
        }
        return transitions;
    }

    private ChangePoints pointsFor(StoredTimeline timeline) {
        int id = timeline.id();
        if (id >= byTimeline.length) {
            byTimeline = Arrays.copyOf(byTimeline, Math.max(id + 1, byTimeline.length * 2));
        }
        if (byTimeline[id] == null) {
            byTimeline[id] = new ChangePoints(timeline);
        }
        return byTimeline[id];
    }

    private static long pairKey(int high, int low) {
        return ((long) high << 32) | (low & 0xFFFF_FFFFL);
    }

    /** The follower's event is at {@code position} in its timeline; its value has id {@code id}. */
    private record Follower(int position, int id) {
    }
}
