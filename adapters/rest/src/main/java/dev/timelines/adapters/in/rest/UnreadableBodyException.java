package dev.timelines.adapters.in.rest;

import java.io.IOException;

/**
 * The body cannot be decoded as its {@code Content-Encoding} says (a gzip body that is not gzip, or ends early).
 * An IOException, so that it passes unchanged through the readers and the JSON parser that sit on top of the body.
 */
final class UnreadableBodyException extends IOException {

    private UnreadableBodyException(String message, Throwable cause) {
        super(message, cause);
    }

    static UnreadableBodyException notGzip(IOException cause) {
        return new UnreadableBodyException("the body is not valid gzip (Content-Encoding: gzip): "
                + cause.getMessage(), cause);
    }
}
