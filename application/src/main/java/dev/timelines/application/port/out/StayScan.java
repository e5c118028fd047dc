package dev.timelines.application.port.out;

import dev.timelines.domain.Attribute;
import dev.timelines.domain.Timestamp;
import java.util.Optional;
import java.util.Set;

/**
 * What {@link StoreScans#stays} is asked for: the stays of an attribute that a selection matches, with all the
 * stays of other attributes in the same timelines (those a {@code where} condition names), in the store as it
 * was known at a moment (only events received by then) or as it is.
 */
public record StayScan(Attribute attribute, StaySelection selection, Set<Attribute> alongside,
        Optional<Timestamp> asOf) {

    public StayScan {
        alongside = Set.copyOf(alongside);
        if (attribute == null || selection == null || asOf == null) {
            throw new IllegalArgumentException("a scan has an attribute, a selection and an optional moment");
        }
    }
}
