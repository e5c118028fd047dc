package dev.timelines.adapters.in.rest;

/** The timeline exists but has no change point of the attribute at or before the asked moment. */
final class NoStateException extends RuntimeException {

    NoStateException(String message) {
        super(message);
    }
}
