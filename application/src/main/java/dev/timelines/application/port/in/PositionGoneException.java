package dev.timelines.application.port.in;

import dev.timelines.domain.DomainException;

/**
 * A stream position the store can no longer resume from: the changes after it are no longer kept, or it was issued
 * by a change log that has ended (a restart, where positions do not survive one). The client starts over without a
 * position, its set taken again from {@code /transitions}.
 */
public final class PositionGoneException extends DomainException {

    public PositionGoneException(String detail) {
        super(detail);
    }
}
