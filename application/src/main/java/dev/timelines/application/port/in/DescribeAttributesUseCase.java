package dev.timelines.application.port.in;

import dev.timelines.application.model.ValueUsage;
import dev.timelines.domain.Attribute;
import dev.timelines.domain.Timestamp;
import java.util.Optional;

/** The attributes the store has seen, or had seen at {@code asOf} (docs/api.md, {@code /attributes}). */
public interface DescribeAttributesUseCase {

    /** Top-level attribute names used by any stored event, in code point order. */
    Page<String> names(Optional<Timestamp> asOf, PageRequest page);

    /** The distinct values of an attribute with the events and timelines carrying each, most events first. */
    Page<ValueUsage> values(Attribute attribute, Optional<Timestamp> asOf, PageRequest page);
}
