package dev.timelines.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A {@code where} condition (docs/semantics.md, "Conditions across attributes"): every attribute must hold its
 * value. An attribute's state at a point {@code (t, seq)} of a timeline is the value of the last event carrying
 * it at or before that point in timeline order; with none, the condition does not hold. No member: no condition.
 */
public record Condition(Map<Attribute, JsonValue> members) {

    public static final Condition NONE = new Condition(Map.of());

    public Condition {
        members = Map.copyOf(members);
    }

    public boolean isNone() {
        return members.isEmpty();
    }

    /** The attributes whose stays the condition needs. */
    public Set<Attribute> attributes() {
        return members.keySet();
    }

    /**
     * Whether every member holds at the point {@code (t, seq)}, given each member attribute's stays in the
     * timeline (a missing list is an attribute the timeline never had).
     */
    public boolean holdsAt(Timestamp t, long seq, Map<Attribute, List<Stay>> stays) {
        for (Map.Entry<Attribute, JsonValue> member : members.entrySet()) {
            Stay held = Stay.heldAt(stays.getOrDefault(member.getKey(), List.of()), t, seq);
            if (held == null || !held.value().equals(member.getValue())) {
                return false;
            }
        }
        return true;
    }

    /**
     * The time in {@code [from, to)} during which every member holds, in microseconds: the condition for time in
     * state. Over time, a member holds while a stay of its attribute in its value lasts (a stay still held lasts
     * for good).
     */
    public long microsHolding(long from, long to, Map<Attribute, List<Stay>> stays) {
        List<long[]> holding = List.of(new long[] {from, to});
        for (Map.Entry<Attribute, JsonValue> member : members.entrySet()) {
            List<long[]> during = new ArrayList<>();
            for (Stay stay : stays.getOrDefault(member.getKey(), List.of())) {
                if (stay.value().equals(member.getValue())) {
                    during.add(new long[] {stay.since().micros(), stay.endMicros()});
                }
            }
            holding = intersection(holding, during);
        }
        long total = 0;
        for (long[] interval : holding) {
            total += interval[1] - interval[0];
        }
        return total;
    }

    /** The non-empty intersections of two lists of disjoint intervals in time order, in time order. */
    private static List<long[]> intersection(List<long[]> left, List<long[]> right) {
        List<long[]> both = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < left.size() && j < right.size()) {
            long start = Math.max(left.get(i)[0], right.get(j)[0]);
            long end = Math.min(left.get(i)[1], right.get(j)[1]);
            if (start < end) {
                both.add(new long[] {start, end});
            }
            if (left.get(i)[1] < right.get(j)[1]) {
                i++;
            } else {
                j++;
            }
        }
        return both;
    }

    /** Whether every member holds at the moment {@code at}: the last event at or before it, ties by highest seq. */
    public boolean holdsAt(Timestamp at, Map<Attribute, List<Stay>> stays) {
        return holdsAt(at, Long.MAX_VALUE, stays);
    }
}
