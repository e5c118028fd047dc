package dev.timelines.domain;

import java.util.List;
import java.util.Map;

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
    public java.util.Set<Attribute> attributes() {
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

    /** Whether every member holds at the moment {@code at}: the last event at or before it, ties by highest seq. */
    public boolean holdsAt(Timestamp at, Map<Attribute, List<Stay>> stays) {
        return holdsAt(at, Long.MAX_VALUE, stays);
    }
}
