package dev.timelines.application.port.out;

import dev.timelines.domain.Attribute;
import dev.timelines.domain.Condition;
import dev.timelines.domain.Stay;
import dev.timelines.domain.TimelineKey;
import dev.timelines.domain.Timestamp;
import java.util.List;
import java.util.Map;

/**
 * One timeline as a scan hands it over: stays of the scanned attribute in time order, and every stay, in time
 * order, of each attribute asked alongside (an attribute the timeline never had may be missing).
 */
public record TimelineStays(TimelineKey key, List<Stay> stays, Map<Attribute, List<Stay>> alongside) {

    public TimelineStays {
        stays = List.copyOf(stays);
        alongside = Map.copyOf(alongside);
    }

    /** The stays whose own change point the condition holds at: the entries and transitions it lets count. */
    public List<Stay> enteredWhere(Condition where) {
        return where.isNone() ? stays
                : stays.stream().filter(stay -> where.holdsAt(stay.since(), stay.seq(), alongside)).toList();
    }

    /** Whether the condition holds at the moment, in this timeline. */
    public boolean holdsAt(Condition where, Timestamp at) {
        return where.holdsAt(at, alongside);
    }

    /** The same timeline with other stays of the scanned attribute. */
    public TimelineStays withStays(List<Stay> selected) {
        return new TimelineStays(key, selected, alongside);
    }
}
