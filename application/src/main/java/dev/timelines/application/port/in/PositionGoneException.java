package dev.timelines.application.port.in;

import dev.timelines.domain.DomainException;

/**
 * A stream position the store can no longer resume from: the history after it is no longer kept (it lies below the
 * store's horizon). The client starts over without a position, its set taken again from {@code /transitions}.
 */
public final class PositionGoneException extends DomainException {

    public PositionGoneException(String detail) {
        super(detail);
    }
}
