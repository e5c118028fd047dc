package dev.timelines.application.port.in;

import dev.timelines.domain.Attribute;
import dev.timelines.domain.DomainException;

/**
 * The attribute has more distinct values than the store indexes, so cross-timeline questions about it are
 * refused rather than answered by scanning every event. Questions about one timeline still work.
 */
public final class AttributeTooDiverseException extends DomainException {

    private final Attribute attribute;

    public AttributeTooDiverseException(Attribute attribute, int limit) {
        super("attribute '" + attribute.name() + "' has more than " + limit
                + " distinct values; questions across timelines are not answered for it");
        this.attribute = attribute;
    }

    public Attribute attribute() {
        return attribute;
    }
}
