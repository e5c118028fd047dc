package dev.timelines.application.port.in;

import dev.timelines.domain.DomainException;

/** A stream position that no stream of this service could have issued. */
public final class InvalidPositionException extends DomainException {

    public InvalidPositionException(String token) {
        super("'" + token + "' is not a position of the transitions stream; pass back the id of a message unchanged");
    }

    /** {@code why}: what is wrong with it, where that says more than the token alone. */
    public InvalidPositionException(String token, String why) {
        super("'" + token + "' is not a position of the transitions stream (" + why + "); pass back the id of a"
                + " message unchanged");
    }
}
