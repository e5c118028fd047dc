package dev.timelines.adapters.in.rest;

import java.io.IOException;

/**
 * The request body is larger than {@code timelines.limits.body-size}. An IOException, so that it passes unchanged
 * through the readers and the JSON parser that sit on top of the body.
 */
final class BodyTooLargeException extends IOException {

    BodyTooLargeException(long limit) {
        super(message(limit));
    }

    /** What a client is told, whichever check caught the body: the declared length, or the bytes read. */
    static String message(long limit) {
        return "the request body is larger than " + Limits.BODY_SIZE + " (" + limit + " bytes)";
    }
}
