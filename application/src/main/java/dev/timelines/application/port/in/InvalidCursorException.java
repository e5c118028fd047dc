package dev.timelines.application.port.in;

import dev.timelines.domain.DomainException;

/** A cursor that this service did not issue for this list. */
public final class InvalidCursorException extends DomainException {

    public InvalidCursorException() {
        super("the cursor is not one this list issued; pass back the 'next' value of the previous page unchanged");
    }
}
