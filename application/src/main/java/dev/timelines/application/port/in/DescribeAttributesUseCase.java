package dev.timelines.application.port.in;

import dev.timelines.application.model.ValueUsage;
import dev.timelines.domain.Attribute;

/** The attributes the store has seen (docs/api.md, {@code /attributes}). */
public interface DescribeAttributesUseCase {

    /** Top-level attribute names used by any stored event, in code point order. */
    Page<String> names(PageRequest page);

    /** The distinct values of an attribute with the events and timelines carrying each, most events first. */
    Page<ValueUsage> values(Attribute attribute, PageRequest page);
}
