package dev.timelines.adapters.in.rest;

/** The request body is not the JSON it should be; the message says what is wrong. */
final class MalformedBodyException extends RuntimeException {

    MalformedBodyException(String message) {
        super(message);
    }
}
